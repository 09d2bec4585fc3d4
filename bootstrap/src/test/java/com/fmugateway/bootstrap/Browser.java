package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The system's Chromium, headless, driven by Selenium through the system's ChromeDriver: nothing
 * downloads a browser or a driver. Where Chromium is missing the browser tests are skipped, unless
 * {@code FMUGW_TEST_REQUIRE_BROWSER=true} (CI sets it) makes that a failure. Screenshots go to
 * {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path CHROMIUM = executable("FMUGW_TEST_CHROMIUM", "/usr/bin/chromium");
  private static final Path DRIVER = executable("FMUGW_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 1000;

  private final String baseUrl;
  private final Path profile;
  private final ChromeDriver driver;

  private Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    try {
      this.profile = Files.createTempDirectory("fmugw-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The flags a root user on a closed network needs: no sandbox (root), no GPU, and no
    // background connections to Google that this machine refuses.
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
  }

  /** A new browser on the gateway at {@code baseUrl}, or the test is skipped (see above). */
  static Browser open(String baseUrl) {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      String why =
          "headless Chromium not found ("
              + CHROMIUM
              + ", "
              + DRIVER
              + "); install the Debian packages chromium and chromium-driver";
      if (Boolean.parseBoolean(System.getenv("FMUGW_TEST_REQUIRE_BROWSER"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    return new Browser(baseUrl);
  }

  void go(String path) {
    driver.get(baseUrl + path);
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  String url() {
    return driver.getCurrentUrl();
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String text(String css) {
    return find(css).getText();
  }

  boolean has(String css) {
    return !all(css).isEmpty();
  }

  /** Clears the field and types {@code text} into it, as a user would. */
  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  String value(String css) {
    return find(css).getDomProperty("value");
  }

  void click(String css) {
    find(css).click();
  }

  /** Waits until an element matching {@code css} is on the page. */
  WebElement await(String css) {
    return until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
  }

  <T> T until(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  /** Runs JavaScript in the page, as the page's own scripts would. */
  Object script(String javaScript, Object... arguments) {
    return driver.executeScript(javaScript, arguments);
  }

  /** The page's body text, for what a user reads. */
  String pageText() {
    return find("body").getText();
  }

  /** Makes the window {@code width} by {@code height}, as a phone's screen is (390 by 844). */
  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** The width the page is laid out in: the viewport's, without the window's frame. */
  long viewportWidth() {
    return ((Number) driver.executeScript("return document.documentElement.clientWidth"))
        .longValue();
  }

  /**
   * The elements matching {@code css} that a user could not tap where they are: each is scrolled to
   * vertically as a thumb would, and must then be displayed, lie wholly inside the viewport's width
   * (no sideways scrolling to find it) and be the element a tap on its centre lands on. Returns a
   * description of each that fails, so none means every one is reachable.
   */
  List<String> unreachable(String css) {
    List<WebElement> elements = all(css);
    List<String> problems = new java.util.ArrayList<>();
    for (WebElement element : elements) {
      driver.executeScript(
          "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});"
              + " window.scrollTo(0, window.scrollY);",
          element);
      String problem =
          (String)
              driver.executeScript(
                  "const e = arguments[0]; const r = e.getBoundingClientRect();"
                      + " const w = document.documentElement.clientWidth;"
                      + " const h = document.documentElement.clientHeight;"
                      + " if (r.width === 0 || r.height === 0) return 'has no size';"
                      + " if (window.scrollX !== 0) return 'needs the page scrolled sideways';"
                      + " if (r.left < 0 || r.right > w + 0.5) return 'lies outside the width ('"
                      + "   + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + w + ')';"
                      + " if (r.top < 0 || r.bottom > h) return 'is not in view after scrolling';"
                      + " const hit = document.elementFromPoint(r.left + r.width / 2,"
                      + "   r.top + r.height / 2);"
                      + " if (!hit || !(hit === e || e.contains(hit))) return 'is covered by '"
                      + "   + (hit ? hit.outerHTML.slice(0, 80) : 'nothing');"
                      + " return null;",
                  element);
      if (!element.isDisplayed()) {
        problem = "is not displayed";
      }
      if (problem != null) {
        problems.add(path() + " " + css + " '" + element.getText().strip() + "' " + problem);
      }
    }
    return problems;
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) {
    return screenshot(name, WIDTH);
  }

  /** The same, as a window {@code width} pixels wide shows it (a phone's is about 390). */
  Path screenshot(String name, int width) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      // The whole page, not just the window: at that width, stretch the window to the page.
      driver.manage().window().setSize(new Dimension(width, HEIGHT));
      Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
      driver.manage().window().setSize(new Dimension(width, Math.min(height.intValue(), 6000)));
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(shot);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the screenshot and the HTML of the page shown, for a failed test's author. */
  void evidence(String name) {
    screenshot(name);
    try {
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static Path executable(String variable, String fallback) {
    String configured = System.getenv(variable);
    return Path.of(configured == null || configured.isBlank() ? fallback : configured);
  }

  private static void deleteQuietly(Path dir) {
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }
}
