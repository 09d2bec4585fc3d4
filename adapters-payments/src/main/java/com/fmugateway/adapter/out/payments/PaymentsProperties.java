package com.fmugateway.adapter.out.payments;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment providers ({@code FMUGW_PAYMENTS_…}). A provider is active when its key
 * is set; the sandbox, by default, when neither Stripe nor Coinbase is. Secrets never appear in
 * {@link #toString()}.
 *
 * @param publicBaseUrl where browsers reach the gateway (the sandbox's checkout page); by default
 *     {@code http://localhost:<the server's port>}
 */
@ConfigurationProperties("fmugw.payments")
public record PaymentsProperties(
    String publicBaseUrl,
    @DefaultValue Stripe stripe,
    @DefaultValue Coinbase coinbase,
    @DefaultValue Sandbox sandbox,
    @DefaultValue X402 x402) {

  public PaymentsProperties {
    if (stripe.configured() && blank(stripe.webhookSecret())) {
      throw new IllegalStateException(
          "A Stripe secret key needs its webhook signing secret: set"
              + " FMUGW_PAYMENTS_STRIPE_WEBHOOK_SECRET to the whsec_… of the gateway's"
              + " /webhooks/stripe endpoint at Stripe.");
    }
    if (coinbase.configured() && blank(coinbase.webhookSecret())) {
      throw new IllegalStateException(
          "A Coinbase Commerce API key needs its webhook shared secret: set"
              + " FMUGW_PAYMENTS_COINBASE_WEBHOOK_SECRET (Coinbase Commerce: Settings,"
              + " Notifications).");
    }
    if (sandbox.enabled() == Activation.TRUE && (stripe.live() || coinbase.configured())) {
      throw new IllegalStateException(
          "The sandbox payment provider grants credits without taking money, so it refuses to"
              + " run next to live payment keys ("
              + (stripe.live() ? "a live Stripe key" : "a Coinbase Commerce API key, always live")
              + "). Unset FMUGW_PAYMENTS_SANDBOX_ENABLED, or use a Stripe test key (sk_test_…)"
              + " and no Coinbase key.");
    }
  }

  /** Whether the sandbox provider runs: as switched, or by default when no real one is set. */
  public boolean sandboxActive() {
    return switch (sandbox.enabled()) {
      case TRUE -> true;
      case FALSE -> false;
      case AUTO -> !stripe.configured() && !coinbase.configured();
    };
  }

  /** Stripe Checkout, for cards. */
  public record Stripe(
      String secretKey,
      String webhookSecret,
      @DefaultValue("https://api.stripe.com") String apiBase) {

    public boolean configured() {
      return !blank(secretKey);
    }

    /** A live secret or restricted key: real money. */
    public boolean live() {
      return configured() && (secretKey.startsWith("sk_live_") || secretKey.startsWith("rk_live_"));
    }

    @Override
    public String toString() {
      return "Stripe[secretKey="
          + (configured() ? (live() ? "live " : "test ") + "***" : "unset")
          + ", webhookSecret="
          + mask(webhookSecret)
          + ", apiBase="
          + apiBase
          + "]";
    }
  }

  /**
   * Coinbase Commerce, for crypto. It signs no timestamp; a webhook sent longer than {@code
   * webhookTolerance} ago is refused as a possible replay.
   */
  public record Coinbase(
      String apiKey,
      String webhookSecret,
      @DefaultValue("https://api.commerce.coinbase.com") String apiBase,
      @DefaultValue("5m") Duration webhookTolerance) {

    public boolean configured() {
      return !blank(apiKey);
    }

    @Override
    public String toString() {
      return "Coinbase[apiKey="
          + mask(apiKey)
          + ", webhookSecret="
          + mask(webhookSecret)
          + ", apiBase="
          + apiBase
          + ", webhookTolerance="
          + webhookTolerance
          + "]";
    }
  }

  /**
   * The built-in sandbox provider.
   *
   * @param enabled {@code auto} (only when no real provider is set), {@code true} or {@code false}
   * @param webhookSecret signs its webhooks; random per process when unset, which suits a single
   *     instance (its checkouts live in memory anyway)
   * @param gatewayBaseUrl where it POSTs its webhooks; the public base URL when unset
   */
  public record Sandbox(
      @DefaultValue("auto") Activation enabled, String webhookSecret, String gatewayBaseUrl) {

    @Override
    public String toString() {
      return "Sandbox[enabled="
          + enabled.name().toLowerCase(Locale.ROOT)
          + ", webhookSecret="
          + mask(webhookSecret)
          + ", gatewayBaseUrl="
          + gatewayBaseUrl
          + "]";
    }
  }

  /**
   * x402 (protocol version 2): runs paid by a signed stablecoin transfer, checked and settled by a
   * facilitator. Active when both {@code payTo} and {@code facilitatorUrl} are set.
   *
   * @param payTo the address that receives the payments
   * @param facilitatorUrl the facilitator's base URL ({@code /verify}, {@code /settle})
   * @param network the CAIP-2 network, Base by default
   * @param asset the token contract, USDC on Base by default
   * @param decimals the token's decimals (a run's price in cents × 10^(decimals − 2) units)
   * @param assetName the token's EIP-712 domain name, which wallets sign with
   * @param assetVersion the token's EIP-712 domain version
   * @param maxTimeout how long a signed payment may take, as offered
   */
  public record X402(
      String payTo,
      String facilitatorUrl,
      @DefaultValue("eip155:8453") String network,
      @DefaultValue("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913") String asset,
      @DefaultValue("6") int decimals,
      @DefaultValue("USD Coin") String assetName,
      @DefaultValue("2") String assetVersion,
      @DefaultValue("300s") Duration maxTimeout) {

    public boolean configured() {
      return !blank(payTo) && !blank(facilitatorUrl);
    }
  }

  /** A switch with a third position: decided from the rest of the configuration. */
  public enum Activation {
    AUTO,
    TRUE,
    FALSE
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String mask(String secret) {
    return blank(secret) ? "unset" : "***";
  }
}
