package com.fmugateway.adapter.out.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.audit.R2dbcAuditLog;
import com.fmugateway.adapter.out.persistence.credit.R2dbcCreditLedger;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.port.out.AccountStore;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.fixtures.TransactionsContract;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Transactions;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcTransactionsIT extends TransactionsContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcTransactions transactions;
  @Autowired R2dbcAccounts accounts;
  @Autowired R2dbcCreditLedger ledger;
  @Autowired R2dbcAuditLog audit;

  @Override
  protected Transactions transactions() {
    return transactions;
  }

  @Override
  protected AccountStore accounts() {
    return accounts;
  }

  @Override
  protected CreditLedger ledger() {
    return ledger;
  }

  @Override
  protected AuditLog audit() {
    return audit;
  }

  @Override
  protected boolean rollsBack() {
    return true;
  }

  @Autowired ConnectionPool pool;
  @Autowired DatabaseClient db;

  @Test
  void aConnectionReleasedInsideATransaction_returnsToThePoolWithoutIt_andFreesItsLocks() {
    Connection abandoned = Mono.from(pool.create()).block();
    Mono.from(abandoned.beginTransaction()).block();
    Flux.from(abandoned.createStatement("SELECT pg_advisory_xact_lock(4242)").execute())
        .flatMap(Result::getRowsUpdated)
        .blockLast();

    Mono.from(abandoned.close()).block(); // a request cancelled between BEGIN and COMMIT

    assertThat(
            db.sql(
                    "SELECT COUNT(*) AS n FROM pg_locks"
                        + " WHERE locktype = 'advisory' AND classid = 0 AND objid = 4242")
                .map(row -> row.get("n", Long.class))
                .one()
                .block())
        .as("the abandoned transaction's lock")
        .isZero();
  }
}
