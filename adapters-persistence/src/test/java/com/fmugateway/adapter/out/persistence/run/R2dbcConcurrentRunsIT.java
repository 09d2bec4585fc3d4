package com.fmugateway.adapter.out.persistence.run;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.ConcurrentRunsContract;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcConcurrentRunsIT extends ConcurrentRunsContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcConcurrentRuns runs;
  @Autowired R2dbcAccounts accounts;

  @Override
  protected AccountId newAccount() {
    return TestAccounts.create(accounts);
  }

  @Override
  protected ConcurrentRuns runs() {
    return runs;
  }
}
