package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * FMI 3.0 from the portal's run page in headless Chromium: {@code lib:Clocks3} by scheduled
 * execution with the trigger's ticks typed in its own field (a time past the stop time shown on the
 * form first), its counters and output clock as model.c predicts them; and {@code lib:StateSpace3}
 * with an array start value typed as a JSON array, its outputs decaying from those values.
 */
class PortalFmi3BrowserIT extends AbstractBrowserIT {

  @Test
  void clocks3WithTicksTypedOnTheRunPage_givesTheCountersItsModelPredicts() {
    signUp();
    browser.go("/portal/run?model=lib:Clocks3");
    assertThat(browser.text("#clock-ticks")).contains("trigger");
    assertThat(browser.has("#ticks-tick")).as("a periodic clock fires by itself").isFalse();
    new Select(browser.find("#fmuInterface")).selectByValue("se");
    browser.type("#stopTime", "5");
    browser.type("#step", "");
    browser.type("#startValues", "increment=3");
    browser.type("#ticks-trigger", "0.3, 1, 9");
    browser.click("#run");

    assertThat(browser.await("#clock-ticks-error").getText())
        .contains("outside start_time and stop_time");
    assertThat(browser.value("#ticks-trigger")).isEqualTo("0.3, 1, 9");
    browser.screenshot("fmi3-01-clock-ticks-error");

    browser.type("#ticks-trigger", "0.3, 1, 2.25");
    browser.click("#run");
    browser.await("#result");
    browser.await("#chart[data-plotted='true']");

    // model.c: a tick every 0.5 s (11 to 5 s), outClock on every 2nd, the countdown 0.2 s after
    // every 3rd; each of the three triggers adds increment (3) to sum.
    assertThat(finalValue("ticks")).isEqualTo("11");
    assertThat(finalValue("triggers")).isEqualTo("3");
    assertThat(finalValue("sum")).isEqualTo("9");
    assertThat(finalValue("countdowns")).isEqualTo("3");
    assertThat(finalValue("outTicks")).isEqualTo("5");
    assertThat(browser.text("#clock-events tr[data-clock='outClock'] td:last-child"))
        .isEqualTo("0.5, 1.5, 2.5, 3.5, 4.5");
    assertThat(browser.value("#ticks-trigger")).isEqualTo("0.3, 1, 2.25");
    browser.screenshot("fmi3-02-clocks3-result");
  }

  @Test
  void stateSpace3WithAnArrayStartValue_decaysFromThoseValues() {
    signUp();
    browser.go("/portal/run?model=lib:StateSpace3");
    assertThat(browser.text("#array-hint"))
        .contains("x (3: 3 values)")
        .contains("A (3×3: 9 values)");
    assertThat(browser.has("#clock-ticks")).isFalse();
    new Select(browser.find("#fmuInterface")).selectByValue("me");
    browser.type("#stopTime", "1");
    browser.type("#step", "0.1");
    browser.type("#startValues", "x=[2, 3, 4");
    browser.type("#outputs", "y");
    browser.click("#run");
    assertThat(browser.await("#start-values-error").getText()).contains("write an array as JSON");

    browser.type("#startValues", "x=[2, 3, 4]");
    browser.click("#more-settings summary");
    browser.type("#rtol", "1e-9");
    browser.type("#atol", "1e-12");
    browser.click("#run");
    browser.await("#result");
    browser.await("#chart[data-plotted='true']");

    // x' = diag(-1, -2, -3) x, y = x: each element decays from its own start at its own rate.
    String y = finalValue("y");
    assertThat(y).startsWith("[").endsWith("]");
    List<Double> values =
        Arrays.stream(y.substring(1, y.length() - 1).split(",\\s*")).map(Double::valueOf).toList();
    assertThat(values).hasSize(3);
    assertThat(values.get(0)).isCloseTo(2 * Math.exp(-1), within(1e-5));
    assertThat(values.get(1)).isCloseTo(3 * Math.exp(-2), within(1e-5));
    assertThat(values.get(2)).isCloseTo(4 * Math.exp(-3), within(1e-5));
    browser.screenshot("fmi3-03-statespace3-result");
  }

  private String finalValue(String name) {
    return browser.text("#final-values tr[data-name='" + name + "'] td:last-child");
  }

  /** Signs a new visitor up through the form (the monthly credits pay for the runs). */
}
