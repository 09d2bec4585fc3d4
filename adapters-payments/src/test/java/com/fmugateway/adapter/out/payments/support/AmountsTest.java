package com.fmugateway.adapter.out.payments.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.shared.model.Money;
import org.junit.jupiter.api.Test;

class AmountsTest {

  @Test
  void cents_areWrittenWithTwoDecimals() {
    assertThat(Amounts.decimal(new Money(800, "usd"))).isEqualTo("8.00");
    assertThat(Amounts.decimal(new Money(5, "eur"))).isEqualTo("0.05");
    assertThat(Amounts.code(new Money(800, "usd"))).isEqualTo("USD");
  }

  @Test
  void aCurrencyWithoutMinorUnits_isWrittenWithoutDecimals() {
    assertThat(Amounts.decimal(new Money(500, "jpy"))).isEqualTo("500");
  }

  @Test
  void anUnknownCurrency_isRefused() {
    assertThatThrownBy(() -> Amounts.decimal(new Money(1, "zzz")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zzz");
  }
}
