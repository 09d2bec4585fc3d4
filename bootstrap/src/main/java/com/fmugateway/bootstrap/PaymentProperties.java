package com.fmugateway.bootstrap;

import com.fmugateway.domain.model.payment.CreditPack;
import com.fmugateway.domain.model.payment.Money;
import com.fmugateway.domain.model.payment.PaymentTerms;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What runs and credit packs cost in money ({@code FMUGW_PAYMENTS_…}), in minor units of {@code
 * currency}: one run {@code runPrice}; a pack {@code price} for {@code runs} runs' worth of credits
 * (runs × {@code fmugw.billing.base-credits}). Checkouts stay payable {@code sessionTtl}, a paid
 * run's token {@code tokenTtl}; the return URLs may contain {@code {session_id}}. Reconciliation
 * asks providers about checkouts pending longer than {@code reconcile.after}, every {@code
 * reconcile.every}, {@code reconcile.batch} at a time.
 */
@ConfigurationProperties("fmugw.payments")
record PaymentProperties(
    @DefaultValue("100") long runPrice,
    @DefaultValue("usd") String currency,
    @DefaultValue("60m") Duration sessionTtl,
    @DefaultValue("30m") Duration tokenTtl,
    @DefaultValue("5m") Duration reuseMargin,
    @DefaultValue("http://localhost:8080") String publicUrl,
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

  PaymentTerms terms(long creditsPerRun) {
    String base = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
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
        successUrl.orElse(base + "?payment=paid&session_id={session_id}"),
        cancelUrl.orElse(base + "?payment=cancelled&session_id={session_id}"));
  }
}
