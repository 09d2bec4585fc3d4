package com.fmugateway.adapter.out.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.reactive.function.server.RouterFunction;

class PaymentsConfigurationTest {

  private static final String STRIPE_TEST = "fmugw.payments.stripe.secret-key=sk_test_abc123";
  private static final String STRIPE_LIVE = "fmugw.payments.stripe.secret-key=sk_live_abc123";
  private static final String STRIPE_HOOKS = "fmugw.payments.stripe.webhook-secret=whsec_abc123";
  private static final String COINBASE = "fmugw.payments.coinbase.api-key=cc-key-abc123";
  private static final String COINBASE_HOOKS =
      "fmugw.payments.coinbase.webhook-secret=cc-sec-abc123";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(PaymentsConfiguration.class);

  @Test
  void withoutProviderKeys_theSandboxAloneIsActiveWithItsCheckoutPage() {
    runner.run(
        context -> {
          assertThat(providers(context)).containsExactly(ProviderId.SANDBOX);
          assertThat(context).hasSingleBean(RouterFunction.class);
        });
  }

  @Test
  void withAStripeTestKey_stripeAloneIsActive() {
    runner
        .withPropertyValues(STRIPE_TEST, STRIPE_HOOKS)
        .run(
            context -> {
              assertThat(providers(context)).containsExactly(ProviderId.STRIPE);
              assertThat(context).doesNotHaveBean(RouterFunction.class);
            });
  }

  @Test
  void withStripeAndCoinbaseKeys_bothAreActive() {
    runner
        .withPropertyValues(STRIPE_LIVE, STRIPE_HOOKS, COINBASE, COINBASE_HOOKS)
        .run(
            context ->
                assertThat(providers(context))
                    .containsExactlyInAnyOrder(ProviderId.STRIPE, ProviderId.COINBASE));
  }

  @Test
  void theSandboxSwitchedOn_runsBesideAStripeTestKey() {
    runner
        .withPropertyValues(STRIPE_TEST, STRIPE_HOOKS, "fmugw.payments.sandbox.enabled=true")
        .run(
            context ->
                assertThat(providers(context))
                    .containsExactlyInAnyOrder(ProviderId.STRIPE, ProviderId.SANDBOX));
  }

  @Test
  void theSandboxSwitchedOn_refusesToStartNextToALiveStripeKey() {
    runner
        .withPropertyValues(STRIPE_LIVE, STRIPE_HOOKS, "fmugw.payments.sandbox.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("sandbox")
                    .hasMessageContaining("a live Stripe key"));
  }

  @Test
  void theSandboxSwitchedOn_refusesToStartNextToACoinbaseKey() {
    runner
        .withPropertyValues(COINBASE, COINBASE_HOOKS, "fmugw.payments.sandbox.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("a Coinbase Commerce API key"));
  }

  @Test
  void theSandboxSwitchedOff_leavesNoProviderWithoutKeys() {
    runner
        .withPropertyValues("fmugw.payments.sandbox.enabled=false")
        .run(context -> assertThat(providers(context)).isEmpty());
  }

  @Test
  void aStripeKeyWithoutItsWebhookSecret_refusesToStart() {
    runner
        .withPropertyValues(STRIPE_TEST)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("FMUGW_PAYMENTS_STRIPE_WEBHOOK_SECRET"));
  }

  @Test
  void aCoinbaseKeyWithoutItsWebhookSecret_refusesToStart() {
    runner
        .withPropertyValues(COINBASE)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("FMUGW_PAYMENTS_COINBASE_WEBHOOK_SECRET"));
  }

  @Test
  void theSettingsAsText_showNoSecret() {
    runner
        .withPropertyValues(
            STRIPE_TEST,
            STRIPE_HOOKS,
            COINBASE,
            COINBASE_HOOKS,
            "fmugw.payments.sandbox.webhook-secret=sandbox-abc123")
        .run(
            context -> {
              String text = context.getBean(PaymentsProperties.class).toString();
              assertThat(text).doesNotContain("abc123").contains("test ***");
            });
  }

  @Test
  void withoutAPublicBaseUrl_theSandboxLinksToThePortTheServerGotAtStartUp() {
    runner.run(
        context -> {
          context
              .getEnvironment()
              .getPropertySources()
              .addFirst(new MapPropertySource("server.ports", Map.of("local.server.port", 43210)));

          assertThat(sandboxCheckout(context).checkoutUrl()).startsWith("http://localhost:43210/");
        });
  }

  @Test
  void aPublicBaseUrlNamingTheServersPort_isResolvedWhenUsed() {
    runner
        .withPropertyValues(
            "fmugw.payments.public-base-url=http://127.0.0.1:${local.server.port}/gw")
        .run(
            context -> {
              context
                  .getEnvironment()
                  .getPropertySources()
                  .addFirst(
                      new MapPropertySource("server.ports", Map.of("local.server.port", 43211)));

              assertThat(sandboxCheckout(context).checkoutUrl())
                  .startsWith("http://127.0.0.1:43211/gw/sandbox/checkout/");
            });
  }

  private static java.util.List<ProviderId> providers(AssertableApplicationContext context) {
    assertThat(context).hasNotFailed();
    return context.getBeansOfType(PaymentProvider.class).values().stream()
        .map(PaymentProvider::id)
        .toList();
  }

  private static ProviderCheckout sandboxCheckout(AssertableApplicationContext context) {
    return context
        .getBean(PaymentProvider.class)
        .createCheckout(Checkouts.request(PaymentMethod.CARD))
        .block();
  }
}
