package com.fmugateway.adapter.out.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeySecret;
import com.fmugateway.domain.account.port.out.AccountStore;
import com.fmugateway.domain.account.port.out.ApiKeyStore;
import com.fmugateway.domain.fixtures.AccountStoreContract;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.test.StepVerifier;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcAccountsIT extends AccountStoreContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcAccounts store;
  @Autowired DatabaseClient db;

  @Override
  protected AccountStore accounts() {
    return store;
  }

  @Override
  protected ApiKeyStore keys() {
    return store;
  }

  @Test
  void givenKeyForUnknownAccount_createWithKey_writesNeitherAccountNorKey() {
    Account account = new Account(AccountId.random(), Instant.now());
    ApiKeySecret secret = ApiKeySecret.generate();
    ApiKey keyOfAnotherAccount = ApiKey.issue(AccountId.random(), secret, HASHER, Instant.now());

    StepVerifier.create(store.createWithKey(account, keyOfAnotherAccount)).verifyError();

    StepVerifier.create(store.findById(account.id())).verifyComplete();
    StepVerifier.create(store.findByHash(HASHER.hash(secret))).verifyComplete();
  }

  @Test
  void storedKeyRowHoldsNoPlaintext() {
    Account account = new Account(AccountId.random(), Instant.now());
    ApiKeySecret secret = ApiKeySecret.generate();
    store.createWithKey(account, ApiKey.issue(account.id(), secret, HASHER, Instant.now())).block();

    var row =
        db.sql("SELECT * FROM api_keys WHERE account_id = :id")
            .bind("id", account.id().value())
            .fetch()
            .one()
            .block();

    assertThat(row).isNotNull();
    assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(secret.reveal()));
  }
}
