package com.fmugateway.adapter.in.portal.home;

import com.fmugateway.adapter.in.portal.credit.PackView;
import com.fmugateway.domain.billing.model.Pricing;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import java.util.List;

/** What the landing page shows of the prices: the free tier, a run, the packs, how to pay. */
public record PricingView(
    long freeMonthlyCredits,
    long freeRunsPerMonth,
    int freeRunsPerMinute,
    String runPrice,
    long creditsPerRun,
    long creditsPerCpuSecond,
    List<PackView> packs,
    List<String> methods) {

  public static PricingView of(Pricing pricing) {
    return new PricingView(
        pricing.freeTier().monthlyCredits(),
        pricing.freeRunsPerMonth(),
        pricing.freeTier().runsPerMinute(),
        pricing.runPrice().display(),
        pricing.credits().baseCredits(),
        pricing.credits().creditsPerCpuSecond(),
        pricing.packs().stream().map(PackView::of).toList(),
        pricing.methods().stream().map(PaymentMethod::code).toList());
  }
}
