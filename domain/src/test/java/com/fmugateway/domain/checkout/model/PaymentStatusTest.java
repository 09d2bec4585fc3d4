package com.fmugateway.domain.checkout.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.shared.model.Money;
import org.junit.jupiter.api.Test;

class PaymentStatusTest {

  @Test
  void moneyShowsMajorUnits() {
    assertThat(new Money(100, "usd").decimal()).isEqualTo("1.00");
    assertThat(new Money(3505, "usd").decimal()).isEqualTo("35.05");
  }
}
