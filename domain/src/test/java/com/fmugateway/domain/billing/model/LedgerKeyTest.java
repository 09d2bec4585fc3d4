package com.fmugateway.domain.billing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The keys are stored: their spelling must never change, or old entries would be written again. */
class LedgerKeyTest {

  @Test
  void aMonthlyGrant_isKeyedByItsMonth() {
    assertThat(LedgerKey.grant(YearMonth.of(2026, 6)).value()).isEqualTo("grant:2026-06");
  }

  @Test
  void aPurchase_isKeyedByItsCheckout() {
    assertThat(LedgerKey.purchase("cs_1").value()).isEqualTo("purchase:cs_1");
  }

  @Test
  void aRunsHoldCaptureAndRelease_areKeyedByTheRun() {
    assertThat(LedgerKey.hold("r1").value()).isEqualTo("run:r1:hold");
    assertThat(LedgerKey.capture("r1").value()).isEqualTo("run:r1:capture");
    assertThat(LedgerKey.release("r1").value()).isEqualTo("run:r1:release");
  }

  @Test
  void aBlankKey_isRefused() {
    assertThatThrownBy(() -> new LedgerKey(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
