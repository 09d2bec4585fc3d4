package com.fmugateway.domain.checkout.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.shared.model.Money;
import org.junit.jupiter.api.Test;

class PaymentStatusTest {

  @Test
  void onlyAPendingCheckoutMoves_andOnlyForward() {
    assertThat(PaymentStatus.PENDING.canBecome(PaymentStatus.PAID)).isTrue();
    assertThat(PaymentStatus.PENDING.canBecome(PaymentStatus.EXPIRED)).isTrue();
    assertThat(PaymentStatus.PENDING.canBecome(PaymentStatus.FAILED)).isTrue();
    assertThat(PaymentStatus.PENDING.canBecome(PaymentStatus.PENDING)).isFalse();
    for (PaymentStatus settled :
        new PaymentStatus[] {PaymentStatus.PAID, PaymentStatus.EXPIRED, PaymentStatus.FAILED}) {
      for (PaymentStatus next : PaymentStatus.values()) {
        assertThat(settled.canBecome(next)).as(settled + " -> " + next).isFalse();
      }
    }
  }

  @Test
  void moneyShowsMajorUnits() {
    assertThat(new Money(100, "usd").decimal()).isEqualTo("1.00");
    assertThat(new Money(3505, "usd").decimal()).isEqualTo("35.05");
  }
}
