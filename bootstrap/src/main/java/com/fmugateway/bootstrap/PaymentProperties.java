package com.fmugateway.bootstrap;

import com.fmugateway.domain.checkout.model.CreditPack;
import com.fmugateway.domain.checkout.model.PaymentTerms;
import com.fmugateway.domain.shared.model.Money;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What runs and credit packs cost in money ({@code FMUGW_PAYMENTS_…}), in minor units of {@code
 * currency}: one run {@code runPrice}; a pack {@code price} for {@code runs} runs' worth of credits
 * (runs × {@code fmugw.billing.base-credits}). Checkouts stay payable {@code sessionTtl}, a paid
 * run's token {@code tokenTtl}; the return URLs may contain {@code {session_id}} and default to
 * pages of the gateway at {@code publicUrl}, else {@code publicBaseUrl} (the sandbox's setting
 * too), else the port it listens on. Reconciliation asks providers about checkouts pending longer
 * than {@code reconcile.after}, every {@code reconcile.every}, {@code reconcile.batch} at a time.
 */
@ConfigurationProperties("fmugw.payments")
record PaymentProperties(
    @DefaultValue("100") long runPrice,
    @DefaultValue("usd") String currency,
    @DefaultValue("60m") Duration sessionTtl,
    @DefaultValue("30m") Duration tokenTtl,
    @DefaultValue("5m") Duration reuseMargin,
    Optional<String> publicUrl,
    Optional<String> publicBaseUrl,
    Optional<String> successUrl,
    Optional<String> cancelUrl,
    Map<String, PackSettings> packs,
    @DefaultValue Reconcile reconcile) {

  /** One credit pack: runs' worth of credits for a price in minor units. */
  record PackSettings(long runs, long price) {}

  /** When and how much the reconciliation job checks. */
  record Reconcile(
      @DefaultValue("2m") Duration after,
      @DefaultValue("30s") Duration every,
      @DefaultValue("50") int batch) {}

  /** The public address configured for return URLs, if any. */
  Optional<String> configuredPublicUrl() {
    return publicUrl.or(() -> publicBaseUrl).filter(url -> !url.isBlank());
  }

  /** The terms; {@code publicAddress} is where customers reach the gateway, read when used. */
  PaymentTerms terms(long creditsPerRun, Supplier<String> publicAddress) {
    return new PaymentTerms(
        new Money(runPrice, currency),
        (packs == null ? Map.<String, PackSettings>of() : packs)
            .entrySet().stream()
                .map(
                    e ->
                        new CreditPack(
                            e.getKey(),
                            e.getValue().runs(),
                            e.getValue().runs() * creditsPerRun,
                            new Money(e.getValue().price(), currency)))
                .sorted(Comparator.comparingLong(CreditPack::runs))
                .toList(),
        sessionTtl,
        tokenTtl,
        reuseMargin,
        returnUrl(successUrl, publicAddress, "paid"),
        returnUrl(cancelUrl, publicAddress, "cancelled"));
  }

  private static Supplier<String> returnUrl(
      Optional<String> configured, Supplier<String> publicAddress, String outcome) {
    if (configured.isPresent()) {
      String url = configured.get();
      return () -> url;
    }
    return () -> {
      String base = publicAddress.get();
      // The portal's checkout page: whether the payment arrived and what to do next.
      return (base.endsWith("/") ? base : base + "/")
          + "portal/checkout/{session_id}"
          + ("cancelled".equals(outcome) ? "?cancelled" : "");
    };
  }
}
