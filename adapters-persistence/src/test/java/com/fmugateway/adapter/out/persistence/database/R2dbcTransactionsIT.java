package com.fmugateway.adapter.out.persistence.database;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
}
