package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole gateway driven through the portal in real Chromium: a browser per test, opened on the
 * gateway, closed after it, and leaving the page a failed test stopped on behind as evidence.
 */
abstract class AbstractBrowserIT extends AbstractGatewayIT {

  /** The password of every customer {@link #signUp} creates. */
  static final String PASSWORD = "secure pass 123";

  protected Browser browser;

  /** A failed test leaves the page it failed on behind, before the browser closes. */
  @RegisterExtension
  final AfterTestExecutionCallback evidenceOfFailure =
      context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
          browser.evidence("FAILED-" + context.getRequiredTestMethod().getName());
        }
      };

  @BeforeEach
  void openBrowser() {
    browser = Browser.open("http://localhost:" + port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Signs a new customer up in the portal, which shows the first key; answers the email. */
  protected String signUp() {
    String email = "visitor-" + UUID.randomUUID() + "@example.com";
    browser.go("/portal/signup");
    browser.type("#email", email);
    browser.type("#password", PASSWORD);
    browser.click("form button[type='submit']");
    assertThat(browser.await("#new-key").getText()).startsWith("fmugw_");
    return email;
  }
}
