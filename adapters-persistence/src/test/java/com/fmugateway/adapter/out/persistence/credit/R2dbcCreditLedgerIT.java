package com.fmugateway.adapter.out.persistence.credit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.fixtures.CreditLedgerContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcCreditLedgerIT extends CreditLedgerContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcCreditLedger ledger;
  @Autowired R2dbcAccounts accounts;
  @Autowired DatabaseClient db;

  @Override
  protected AccountId newAccount() {
    return TestAccounts.create(accounts);
  }

  @Override
  protected CreditLedger ledger() {
    return ledger;
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
