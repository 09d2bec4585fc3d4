package com.fmugateway.domain.billing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.AccountId;
import org.junit.jupiter.api.Test;

class HoldTest {

  private final Hold hold = new Hold(AccountId.random(), "run-1", 20);

  @Test
  void givenACostWithinTheHold_settle_capturesTheCost() {
    assertThat(hold.settle(12)).isEqualTo(new Settlement(hold, 12));
    assertThat(hold.settle(0).captured()).isZero();
  }

  @Test
  void givenACostAboveTheHold_settle_capturesNoMoreThanTheHold() {
    assertThat(hold.settle(1_000).captured()).isEqualTo(20);
  }

  @Test
  void aSettlementCapturingMoreThanItsHold_isRefused() {
    assertThatThrownBy(() -> new Settlement(hold, 21))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and the hold");
    assertThatThrownBy(() -> new Settlement(hold, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNegativeCost_isRefused() {
    assertThatThrownBy(() -> hold.settle(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHoldsEntries_areKeyedByItsRun() {
    assertThat(hold.holdKey()).isEqualTo(LedgerKey.hold("run-1"));
    assertThat(hold.captureKey()).isEqualTo(LedgerKey.capture("run-1"));
    assertThat(hold.releaseKey()).isEqualTo(LedgerKey.release("run-1"));
  }
}
