package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentTerms;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** Where providers send customers back when a checkout names no URL of its own. */
class PaymentReturnUrlsTest {

  private static final PaymentSessionId SESSION = new PaymentSessionId("cs_1");

  private final MockEnvironment environment =
      new MockEnvironment().withProperty("server.port", "0");

  @Test
  void withNothingConfigured_theyFollowThePortTheServerListensOn() {
    PaymentTerms terms = terms();
    environment.setProperty("local.server.port", "43210");

    assertThat(terms.successUrl(SESSION)).isEqualTo("http://localhost:43210/portal/checkout/cs_1");
    assertThat(terms.cancelUrl(SESSION))
        .isEqualTo("http://localhost:43210/portal/checkout/cs_1?cancelled");
  }

  @Test
  void beforeTheServerListens_theyFollowTheConfiguredPort() {
    environment.setProperty("server.port", "9090");

    assertThat(terms().successUrl(SESSION)).startsWith("http://localhost:9090/portal/checkout/");
  }

  @Test
  void thePublicBaseUrl_winsOverThePort() {
    environment
        .withProperty("local.server.port", "43210")
        .setProperty("fmugw.payments.public-base-url", "https://gw.example/");

    assertThat(terms().successUrl(SESSION)).isEqualTo("https://gw.example/portal/checkout/cs_1");
  }

  @Test
  void thePublicUrl_winsOverThePublicBaseUrl_andMayNameTheServersPort() {
    PaymentTerms terms =
        terms(
            "fmugw.payments.public-base-url=https://gw.example",
            "fmugw.payments.public-url=http://127.0.0.1:${local.server.port}/gw");
    environment.setProperty("local.server.port", "43211");

    assertThat(terms.cancelUrl(SESSION))
        .isEqualTo("http://127.0.0.1:43211/gw/portal/checkout/cs_1?cancelled");
  }

  @Test
  void configuredReturnUrls_winOverEverything() {
    PaymentTerms terms =
        terms(
            "fmugw.payments.public-base-url=https://gw.example",
            "fmugw.payments.success-url=https://agent.example/done/{session_id}");

    assertThat(terms.successUrl(SESSION)).isEqualTo("https://agent.example/done/cs_1");
    assertThat(terms.cancelUrl(SESSION))
        .isEqualTo("https://gw.example/portal/checkout/cs_1?cancelled");
  }

  private PaymentTerms terms(String... properties) {
    for (String property : properties) {
      int eq = property.indexOf('=');
      environment.setProperty(property.substring(0, eq), property.substring(eq + 1));
    }
    PaymentProperties payments =
        Binder.get(environment).bindOrCreate("fmugw.payments", PaymentProperties.class);
    return payments.terms(10, new PublicAddress(payments.configuredPublicUrl(), environment));
  }
}
