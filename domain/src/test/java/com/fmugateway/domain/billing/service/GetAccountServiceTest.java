package com.fmugateway.domain.billing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.account.service.AccountQueryService;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerEntry;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.fixtures.InMemoryAccounts;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryCreditLedger;
import com.fmugateway.domain.fixtures.InMemoryRunHistory;
import com.fmugateway.domain.fixtures.InMemoryTransactions;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.simulation.service.RunQueryService;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GetAccountServiceTest {

  private final MutableClock clock = MutableClock.atEpochDay();
  private final InMemoryCreditLedger ledger = new InMemoryCreditLedger(clock);
  private final GetAccountService service =
      new GetAccountService(
          new AccountQueryService(new InMemoryAccounts()),
          ledger,
          new RunQueryService(new InMemoryRunHistory()),
          Map.of(Tier.FREE, new TierPolicy(Tier.FREE, 100, 10)),
          new InMemoryAuditLog(),
          clock,
          new InMemoryTransactions());

  @Test
  void history_showsWhatCreditsBoughtAndWhatRunsCost_withoutTheirHolds() {
    AccountId alice = AccountId.random();
    ledger.credit(alice, EntryKind.PURCHASE, 100, LedgerKey.purchase("cs_1"), "cs_1").block();
    ledger.settle(ledger.hold(alice, 30, "run-1").block().settle(10)).block();
    ledger.hold(alice, 30, "run-2").block();

    assertThat(service.history(alice, 10).map(LedgerEntry::kind).collectList().block())
        .containsExactly(EntryKind.CAPTURE, EntryKind.PURCHASE);
    assertThat(service.history(alice, 1).map(LedgerEntry::amount).collectList().block())
        .containsExactly(-10L);
  }

  @Test
  void history_ofAnotherAccount_isEmpty() {
    AccountId alice = AccountId.random();
    ledger.credit(alice, EntryKind.PURCHASE, 100, LedgerKey.purchase("cs_1"), "cs_1").block();

    assertThat(service.history(AccountId.random(), 10).collectList().block()).isEmpty();
  }

  @Test
  void history_refusesAnUnreasonableLimit() {
    assertThatThrownBy(() -> service.history(AccountId.random(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> service.history(AccountId.random(), 501))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
