package com.fmugateway.adapter.out.persistence.fmu;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.FmuCatalogContract;
import com.fmugateway.domain.fmu.port.out.FmuCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcFmuCatalogIT extends FmuCatalogContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcFmuCatalog catalog;
  @Autowired R2dbcAccounts accounts;

  @Override
  protected AccountId newAccount() {
    return TestAccounts.create(accounts);
  }

  @Override
  protected FmuCatalog catalog() {
    return catalog;
  }
}
