package com.fmugateway.adapter.out.payments;

import com.fmugateway.adapter.out.payments.coinbase.CoinbaseCommerceClient;
import com.fmugateway.adapter.out.payments.coinbase.CoinbaseCommercePaymentProvider;
import com.fmugateway.adapter.out.payments.sandbox.SandboxCheckoutRoutes;
import com.fmugateway.adapter.out.payments.sandbox.SandboxPaymentProvider;
import com.fmugateway.adapter.out.payments.sandbox.SandboxSettings;
import com.fmugateway.adapter.out.payments.stripe.StripePaymentProvider;
import com.fmugateway.adapter.out.payments.support.GuardSettings;
import com.fmugateway.adapter.out.payments.x402.HttpX402Facilitator;
import com.fmugateway.domain.billing.model.X402Settings;
import com.fmugateway.domain.shared.model.PeriodicJob;
import com.fmugateway.domain.shared.port.out.Clock;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The payments adapter: each active provider as a {@link
 * com.fmugateway.domain.checkout.port.out.PaymentProvider} bean, the sandbox's checkout pages when
 * it is active, and the x402 facilitator with its settings when x402 is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsProperties.class)
public class PaymentsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PaymentsConfiguration.class);

  /** How often the sandbox expires unpaid checkouts and tells the gateway. */
  private static final Duration SANDBOX_SWEEP = Duration.ofSeconds(30);

  @Bean(destroyMethod = "close")
  @Conditional(ActiveProviders.Stripe.class)
  public StripePaymentProvider stripePaymentProvider(
      PaymentsProperties properties, ObjectProvider<Clock> clock) {
    PaymentsProperties.Stripe stripe = properties.stripe();
    log.info(
        "Payment provider Stripe is active ({} mode, {})",
        stripe.live() ? "live" : "test",
        stripe.apiBase());
    return new StripePaymentProvider(
        stripe.secretKey(),
        stripe.webhookSecret(),
        stripe.apiBase(),
        clock(clock),
        GuardSettings.defaults());
  }

  @Bean
  @Conditional(ActiveProviders.Coinbase.class)
  public CoinbaseCommercePaymentProvider coinbasePaymentProvider(
      PaymentsProperties properties, ObjectProvider<Clock> clock) {
    PaymentsProperties.Coinbase coinbase = properties.coinbase();
    GuardSettings guard = GuardSettings.defaults();
    log.info("Payment provider Coinbase Commerce is active ({})", coinbase.apiBase());
    return new CoinbaseCommercePaymentProvider(
        new CoinbaseCommerceClient(
            coinbase.apiBase(), coinbase.apiKey(), guard.timeout().plusSeconds(1)),
        coinbase.webhookSecret(),
        coinbase.webhookTolerance(),
        clock(clock),
        guard);
  }

  @Bean
  @Conditional(ActiveProviders.Sandbox.class)
  public SandboxPaymentProvider sandboxPaymentProvider(
      PaymentsProperties properties, Environment environment, ObjectProvider<Clock> clock) {
    // Binding checked that no live key is set; this only states the consequence loudly.
    log.warn(
        "Payment provider SANDBOX is active: checkouts are paid with a button and no money moves."
            + " Set FMUGW_PAYMENTS_SANDBOX_ENABLED=false wherever customers pay.");
    PaymentsProperties.Sandbox sandbox = properties.sandbox();
    Supplier<URI> publicBaseUrl = () -> publicBaseUrl(properties, environment);
    Supplier<URI> gatewayBaseUrl =
        sandbox.gatewayBaseUrl() == null
            ? publicBaseUrl
            : () -> URI.create(environment.resolveRequiredPlaceholders(sandbox.gatewayBaseUrl()));
    String secret = sandbox.webhookSecret() == null ? randomSecret() : sandbox.webhookSecret();
    return new SandboxPaymentProvider(
        SandboxSettings.of(publicBaseUrl, gatewayBaseUrl, secret), clock(clock));
  }

  @Bean
  @Conditional(ActiveProviders.Sandbox.class)
  public PeriodicJob sandboxCheckoutExpiry(SandboxPaymentProvider sandbox) {
    return sandbox.expiry(SANDBOX_SWEEP);
  }

  @Bean
  @Conditional(ActiveProviders.Sandbox.class)
  public RouterFunction<ServerResponse> sandboxCheckoutRoutes(SandboxPaymentProvider sandbox) {
    return new SandboxCheckoutRoutes(sandbox).routes();
  }

  @Bean
  @Conditional(ActiveProviders.X402.class)
  public X402Settings x402Settings(PaymentsProperties properties) {
    PaymentsProperties.X402 x402 = properties.x402();
    log.info(
        "x402 payments are accepted: {} of {} on {} to {}, facilitator {}",
        x402.assetName(),
        x402.asset(),
        x402.network(),
        x402.payTo(),
        x402.facilitatorUrl());
    return new X402Settings(
        x402.payTo(),
        x402.network(),
        x402.asset(),
        x402.decimals(),
        x402.maxTimeout(),
        x402.assetName(),
        x402.assetVersion());
  }

  @Bean
  @Conditional(ActiveProviders.X402.class)
  public HttpX402Facilitator x402Facilitator(PaymentsProperties properties) {
    return new HttpX402Facilitator(properties.x402().facilitatorUrl(), GuardSettings.defaults());
  }

  /**
   * The configured public URL, or this server's own on localhost. Read when used: a random port is
   * known only once the server listens, and {@code ${local.server.port}} may be written in it.
   */
  private static URI publicBaseUrl(PaymentsProperties properties, Environment environment) {
    String configured = properties.publicBaseUrl();
    if (configured != null && !configured.isBlank()) {
      return URI.create(environment.resolveRequiredPlaceholders(configured));
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return URI.create("http://localhost:" + port);
  }

  private static Clock clock(ObjectProvider<Clock> clock) {
    return clock.getIfAvailable(() -> Instant::now);
  }

  private static String randomSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }
}
