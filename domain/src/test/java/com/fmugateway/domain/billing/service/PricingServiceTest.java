package com.fmugateway.domain.billing.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PriceList;
import com.fmugateway.domain.billing.model.Pricing;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.checkout.model.PaymentTokenMint;
import com.fmugateway.domain.checkout.port.in.GetPaymentTermsQuery;
import com.fmugateway.domain.checkout.service.CheckoutService;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryPaymentSessions;
import com.fmugateway.domain.fixtures.InMemoryPaymentTokens;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.shared.model.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PricingServiceTest {

  @Test
  void pricing_isWhatIsConfigured() {
    PricingService service =
        new PricingService(
            new PriceList(10, 2),
            Map.of(Tier.FREE, new TierPolicy(Tier.FREE, 100, 10)),
            checkouts());

    Pricing pricing = service.pricing().block();

    assertThat(pricing.credits()).isEqualTo(new PriceList(10, 2));
    assertThat(pricing.freeRunsPerMonth()).isEqualTo(10);
    assertThat(pricing.runPrice()).isEqualTo(new Money(100, "usd"));
    assertThat(pricing.packs()).isEqualTo(PaymentWorld.standardTerms().packs());
    assertThat(pricing.methods()).isEmpty();
    assertThat(pricing.x402()).isEmpty();
  }

  @Test
  void givenX402_pricing_statesWhatAnX402PaymentForOneRunMustBe() {
    PricingService service =
        new PricingService(
            new PriceList(10, 2),
            Map.of(Tier.FREE, new TierPolicy(Tier.FREE, 100, 10)),
            checkouts(),
            Optional.of(PaymentWorld.X402));

    Pricing pricing = service.pricing().block();

    assertThat(pricing.x402()).contains(PaymentWorld.X402.terms(new Money(100, "usd")));
    assertThat(pricing.x402().get().amount()).isEqualTo("1000000");
  }

  private static GetPaymentTermsQuery checkouts() {
    return new CheckoutService(
        List.of(),
        new InMemoryPaymentSessions(),
        new InMemoryPaymentTokens(),
        new PaymentTokenMint(new ApiKeyHasher(new byte[32])),
        PaymentWorld.standardTerms(),
        new InMemoryAuditLog(),
        MutableClock.atEpochDay());
  }
}
