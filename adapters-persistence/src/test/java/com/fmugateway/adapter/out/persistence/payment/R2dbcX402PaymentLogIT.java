package com.fmugateway.adapter.out.persistence.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.credit.R2dbcCreditLedger;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.port.out.X402PaymentLog;
import com.fmugateway.domain.fixtures.X402PaymentLogContract;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The x402 payment log's contract in PostgreSQL, where the primary key refuses a replayed payment
 * for every gateway on the database; and the ledger's PAYMENT entry, which moves no credits.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcX402PaymentLogIT extends X402PaymentLogContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcX402PaymentLog log;
  @Autowired R2dbcAccounts accounts;
  @Autowired R2dbcCreditLedger ledger;
  @Autowired DatabaseClient db;

  private AccountId account;

  @Override
  protected X402PaymentLog log() {
    return log;
  }

  @Override
  protected AccountId account() {
    if (account == null) {
      account = TestAccounts.create(accounts);
    }
    return account;
  }

  @Test
  void theDatabaseItselfRefusesASecondRowForOnePayment() {
    String key = "k-" + UUID.randomUUID();
    String insert =
        "INSERT INTO x402_payments (payment_key, account_id, run_id, payer, network, asset,"
            + " pay_to, amount, amount_minor, currency, state, claimed_at) VALUES (:k, :a,"
            + " gen_random_uuid(), '0xp', 'eip155:8453', '0xa', '0xb', 1000000, 100, 'usd',"
            + " 'CLAIMED', now())";
    db.sql(insert).bind("k", key).bind("a", account().value()).then().block();

    assertThat(
            db.sql(insert)
                .bind("k", key)
                .bind("a", account().value())
                .then()
                .map(ok -> "inserted")
                .onErrorReturn("refused")
                .defaultIfEmpty("inserted")
                .block())
        .isEqualTo("refused");
  }

  @Test
  void aPaymentEntryOfZeroCredits_isAcceptedAndLeavesTheBalance() {
    AccountId owner = TestAccounts.create(accounts);

    boolean added =
        ledger
            .credit(
                owner,
                EntryKind.PAYMENT,
                0,
                LedgerKey.payment(UUID.randomUUID().toString()),
                "x402 1.00 tx 0xabc")
            .block();

    assertThat(added).isTrue();
    assertThat(ledger.balance(owner).block()).isZero();
  }
}
