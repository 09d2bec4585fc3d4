package com.fmugateway.domain.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.shared.model.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TakingsTest {

  private static final LocalDate DAY = LocalDate.parse("2026-07-01");

  @Test
  void x402Payments_areARailOfTheirOwn_andPartOfTheTotalAndOfRuns() {
    Takings takings =
        Takings.none("usd")
            .plus(new CashReceipts(DAY, PaymentMethod.CARD, PaymentPurpose.RUN, usd(100), 1))
            .plus(new CashReceipts(DAY, CashRail.X402, PaymentPurpose.RUN, usd(300), 3));

    assertThat(takings.x402()).isEqualTo(usd(300));
    assertThat(takings.card()).isEqualTo(usd(100));
    assertThat(takings.crypto()).isEqualTo(usd(0));
    assertThat(takings.runs()).isEqualTo(usd(400));
    assertThat(takings.total()).isEqualTo(usd(400));
    assertThat(takings.payments()).isEqualTo(4);
  }

  private static Money usd(long cents) {
    return new Money(cents, "usd");
  }
}
