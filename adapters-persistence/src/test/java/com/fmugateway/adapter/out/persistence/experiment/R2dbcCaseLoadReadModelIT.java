package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.port.out.CaseLoadReadModel;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.fixtures.CaseLoadReadModelContract;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcCaseLoadReadModelIT extends CaseLoadReadModelContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcExperimentStore store;
  @Autowired R2dbcCaseLoadReadModel readModel;
  @Autowired R2dbcAccounts accounts;

  @Override
  protected AccountId newAccount() {
    return TestAccounts.create(accounts);
  }

  @Override
  protected ExperimentStore store() {
    return store;
  }

  @Override
  protected CaseLoadReadModel readModel() {
    return readModel;
  }
}
