package com.fmugateway.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryPaymentSessions;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.model.account.Tier;
import com.fmugateway.domain.model.account.TierPolicy;
import com.fmugateway.domain.model.credit.PriceList;
import com.fmugateway.domain.model.payment.Money;
import com.fmugateway.domain.model.payment.Pricing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingServiceTest {

  @Test
  void pricing_isWhatIsConfigured() {
    Checkouts checkouts =
        new Checkouts(
            new PaymentProviders(List.of()),
            new InMemoryPaymentSessions(),
            PaymentWorld.standardTerms(),
            MutableClock.atEpochDay(),
            new InMemoryAuditLog());
    PricingService service =
        new PricingService(
            new PriceList(10, 2), Map.of(Tier.FREE, new TierPolicy(Tier.FREE, 100, 10)), checkouts);

    Pricing pricing = service.pricing().block();

    assertThat(pricing.credits()).isEqualTo(new PriceList(10, 2));
    assertThat(pricing.freeRunsPerMonth()).isEqualTo(10);
    assertThat(pricing.runPrice()).isEqualTo(new Money(100, "usd"));
    assertThat(pricing.packs()).isEqualTo(PaymentWorld.standardTerms().packs());
    assertThat(pricing.methods()).isEmpty();
  }
}
