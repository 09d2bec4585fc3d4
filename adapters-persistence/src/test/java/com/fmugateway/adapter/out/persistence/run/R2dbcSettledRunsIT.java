package com.fmugateway.adapter.out.persistence.run;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.credit.R2dbcCreditLedger;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.fixtures.SettledRunsContract;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import com.fmugateway.domain.simulation.port.out.RunHistory;
import com.fmugateway.domain.simulation.port.out.SettledRuns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcSettledRunsIT extends SettledRunsContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcSettledRuns settledRuns;
  @Autowired R2dbcCreditLedger ledger;
  @Autowired R2dbcRunHistory history;
  @Autowired R2dbcConcurrentRuns slots;
  @Autowired R2dbcAccounts accounts;

  @Override
  protected AccountId newAccount() {
    return TestAccounts.create(accounts);
  }

  @Override
  protected SettledRuns settledRuns() {
    return settledRuns;
  }

  @Override
  protected CreditLedger ledger() {
    return ledger;
  }

  @Override
  protected RunHistory history() {
    return history;
  }

  @Override
  protected ConcurrentRuns slots() {
    return slots;
  }
}
