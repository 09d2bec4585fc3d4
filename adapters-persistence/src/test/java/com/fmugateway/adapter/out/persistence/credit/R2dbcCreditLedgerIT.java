package com.fmugateway.adapter.out.persistence.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.run.R2dbcConcurrentRuns;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.InsufficientCreditsException;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.fixtures.CreditLedgerContract;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcCreditLedgerIT extends CreditLedgerContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcCreditLedger ledger;
  @Autowired R2dbcAccounts accounts;
  @Autowired R2dbcConcurrentRuns slots;
  @Autowired DatabaseClient db;

  @Override
  protected AccountId newAccount() {
    return TestAccounts.create(accounts);
  }

  @Override
  protected CreditLedger ledger() {
    return ledger;
  }

  @Override
  protected ConcurrentRuns slots() {
    return slots;
  }

  @Test
  void theDatabaseRefusesToRewriteHistory() {
    AccountId account = newAccount();
    ledger
        .credit(
            account, EntryKind.GRANT, 100, LedgerKey.grant(java.time.YearMonth.of(2026, 1)), "test")
        .block();

    assertThatThrownBy(() -> db.sql("UPDATE ledger_entries SET amount = 1000000").then().block())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> db.sql("DELETE FROM ledger_entries").then().block())
        .hasMessageContaining("append-only");
  }

  /**
   * The balance a hold checks is kept beside the ledger (migration V19). Whatever mix of writes
   * arrives at once, replays and holds refused for want of credit included, it must stay the sum of
   * the entries that were really appended.
   */
  @Test
  void theKeptBalanceIsTheSumOfTheLedgerUnderConcurrentWrites() {
    AccountId first = newAccount();
    AccountId second = newAccount();

    Flux.range(0, 400)
        .flatMap(
            i -> {
              AccountId account = (i / 4) % 2 == 0 ? first : second;
              // Keys repeat once per account (i and i + 8): replays of purchases, holds and their
              // ends.
              String ref = "run-" + (i / 16);
              return switch (i % 4) {
                case 0 ->
                    ledger.credit(
                        account, EntryKind.PURCHASE, 7, LedgerKey.purchase("p-" + i / 16), "test");
                case 1 ->
                    ledger
                        .hold(account, 5, ref)
                        .flatMap(hold -> ledger.settle(hold.settle(3)))
                        .onErrorResume(InsufficientCreditsException.class, e -> Mono.just(false));
                case 2 ->
                    ledger
                        .hold(account, 4, ref + "-released")
                        .flatMap(ledger::release)
                        .onErrorResume(InsufficientCreditsException.class, e -> Mono.just(false));
                default ->
                    ledger
                        .hold(account, 1_000_000, ref + "-short")
                        .map(hold -> true)
                        .onErrorResume(InsufficientCreditsException.class, e -> Mono.just(false));
              };
            },
            32)
        .blockLast();

    for (AccountId account : java.util.List.of(first, second)) {
      Long sum =
          db.sql("SELECT COALESCE(SUM(amount), 0) AS sum FROM ledger_entries WHERE account_id = :a")
              .bind("a", account.value())
              .map(row -> row.get("sum", Long.class))
              .one()
              .block();
      assertThat(sum).as("credits were bought, held and captured").isPositive();
      assertThat(ledger.balance(account).block()).isEqualTo(sum);
    }
  }

  @Test
  void theDatabaseRefusesAnEntryWithTheWrongSign() {
    AccountId account = newAccount();

    assertThatThrownBy(
            () ->
                db.sql(
                        "INSERT INTO ledger_entries (account_id, kind, amount, idempotency_key, reference)"
                            + " VALUES (:a, 'GRANT', -5, 'k', 'r')")
                    .bind("a", account.value())
                    .then()
                    .block())
        .hasMessageContaining("check");
  }
}
