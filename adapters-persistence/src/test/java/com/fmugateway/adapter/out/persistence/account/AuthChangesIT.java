package com.fmugateway.adapter.out.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceConfiguration;
import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.database.DatabaseActivity;
import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.database.DatabaseServer;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.ApiKeySecret;
import com.fmugateway.domain.account.model.Role;
import com.fmugateway.domain.account.model.Tier;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Two gateways' key stores on one database, each with its cache and its listener: what one changes,
 * the other's very next lookup sees, and a cached lookup costs no round trip.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class AuthChangesIT {

  private static final ApiKeyHasher HASHER = new ApiKeyHasher(filled((byte) 9));

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcAccounts first;
  @Autowired AuthCache firstCache;
  @Autowired DatabaseClient db;
  @Autowired TransactionalOperator tx;
  @Autowired DatabaseServer server;
  @Autowired DatabaseActivity activity;

  private AuthCache secondCache;
  private AuthChanges secondChanges;
  private R2dbcAccounts second;
  private String secondId;

  @BeforeEach
  void startTheSecondGateway() throws InterruptedException {
    String id = UUID.randomUUID().toString();
    secondId = id;
    DatabaseEndpoint endpoint = server.endpoint();
    secondCache = new AuthCache();
    secondChanges =
        new AuthChanges(
            db,
            new PostgresqlConnectionFactory(
                PersistenceConfiguration.connection(endpoint, AuthChanges.listenerName(id))),
            secondCache,
            id,
            Duration.ofSeconds(30));
    secondChanges.start();
    second = new R2dbcAccounts(db, tx, secondCache, secondChanges);
    awaitListening(firstCache);
    awaitListening(secondCache);
  }

  @AfterEach
  void stopIt() {
    secondChanges.close();
  }

  @Test
  void aKeyRevokedOnOneGateway_isRevokedOnTheOthersNextLookup() {
    Account account = new Account(AccountId.random(), Instant.now());
    ApiKeySecret secret = ApiKeySecret.generate();
    ApiKey key = ApiKey.issue(account.id(), secret, HASHER, Instant.now());
    first.createWithKey(account, key).block();
    assertThat(second.findByHash(key.hash()).block().isActive()).isTrue();

    first.revoke(account.id(), key.id(), Instant.now()).block();

    assertThat(second.findByHash(key.hash()).block().isActive()).isFalse();
    assertThat(first.findByHash(key.hash()).block().isActive()).isFalse();
  }

  @Test
  void anAccountPromotedOnOneGateway_hasItsNewRoleOnTheOthersNextLookup() {
    Account account =
        new Account(
            AccountId.random(), Instant.now(), Tier.FREE, Role.CUSTOMER, Optional.of("op@x.test"));
    first.createWithPassword(account, "$2a$10$" + "a".repeat(53)).block();
    assertThat(second.findById(account.id()).block().role()).isEqualTo(Role.CUSTOMER);

    first.promoteToOperator("op@x.test").block();

    assertThat(second.findById(account.id()).block().role()).isEqualTo(Role.OPERATOR);
  }

  @Test
  void aKnownKey_isAuthenticatedWithoutARoundTrip() {
    Account account = new Account(AccountId.random(), Instant.now());
    ApiKey key = ApiKey.issue(account.id(), ApiKeySecret.generate(), HASHER, Instant.now());
    first.createWithKey(account, key).block();
    first.findByHash(key.hash()).block();
    first.findById(account.id()).block();
    long before = activity.counts().get("round_trips");

    first.findByHash(key.hash()).block();
    first.findById(account.id()).block();

    assertThat(activity.counts().get("round_trips")).isEqualTo(before);
  }

  @Test
  void aBurstOfChanges_isHeardInFull_withoutTheListenerLosingItsConnection() {
    Account account = new Account(AccountId.random(), Instant.now());
    ApiKey key = ApiKey.issue(account.id(), ApiKeySecret.generate(), HASHER, Instant.now());
    first.createWithKey(account, key).block();
    second.findByHash(key.hash()).block();
    Integer listener = listenerPid();

    // Far more changes at once than a listener takes in one demand (other gateways' announcements).
    db.sql(
            "SELECT COUNT(pg_notify('"
                + AuthChanges.CHANGED
                + "', 'burst-' || n || ' none')) AS sent FROM generate_series(1, 5000) AS n")
        .then()
        .block();
    // Answered once every listener has acknowledged it, so after the burst before it.
    first.revoke(account.id(), key.id(), Instant.now()).block();

    assertThat(second.findByHash(key.hash()).block().isActive()).isFalse();
    assertThat(listenerPid())
        .as("the listener's connection, the same throughout")
        .isEqualTo(listener);
    assertThat(secondCache.enabled()).isTrue();
  }

  private Integer listenerPid() {
    return db.sql("SELECT pid FROM pg_stat_activity WHERE application_name = :name")
        .bind("name", AuthChanges.listenerName(secondId))
        .map(row -> row.get("pid", Integer.class))
        .one()
        .block();
  }

  @Test
  void withoutItsListener_aGatewayReadsKeysFromTheDatabase() {
    Account account = new Account(AccountId.random(), Instant.now());
    ApiKey key = ApiKey.issue(account.id(), ApiKeySecret.generate(), HASHER, Instant.now());
    first.createWithKey(account, key).block();
    second.findByHash(key.hash()).block();
    secondChanges.close();

    // Revoked behind every cache's back: only a store that reads the database sees it.
    db.sql("UPDATE api_keys SET revoked_at = now() WHERE id = :id")
        .bind("id", key.id().value())
        .then()
        .block();

    assertThat(second.findByHash(key.hash()).block().isActive()).isFalse();
  }

  /** The listener connects in the background; nothing is cached until it listens. */
  private static void awaitListening(AuthCache cache) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!cache.enabled() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(cache.enabled()).as("listening for key changes").isTrue();
  }

  private static byte[] filled(byte value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
