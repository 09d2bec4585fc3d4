package com.fmugateway.adapter.out.persistence.account;

import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

import com.fmugateway.adapter.out.persistence.support.Sql;
import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyHash;
import com.fmugateway.domain.account.model.ApiKeyId;
import com.fmugateway.domain.account.model.Credentials;
import com.fmugateway.domain.account.model.EmailAlreadyRegisteredException;
import com.fmugateway.domain.account.model.Role;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.account.port.out.AccountStore;
import com.fmugateway.domain.account.port.out.ApiKeyStore;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Accounts and API keys in PostgreSQL; a key's plaintext never reaches this class. */
public final class R2dbcAccounts implements AccountStore, ApiKeyStore {

  private static final String ACCOUNT_COLUMNS = "id, created_at, tier, role, email";
  private static final String KEY_COLUMNS =
      "id, account_id, display_prefix, key_hash, created_at, last_used_at, revoked_at";

  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final AuthCache cache;
  private final AuthChanges changes;

  public R2dbcAccounts(
      DatabaseClient db, TransactionalOperator tx, AuthCache cache, AuthChanges changes) {
    this.db = db;
    this.tx = tx;
    this.cache = cache;
    this.changes = changes;
  }

  @Override
  public Mono<Account> createWithKey(Account account, ApiKey firstKey) {
    Mono<Long> insertAccount =
        db.sql(
                "INSERT INTO accounts (id, created_at, tier, role)"
                    + " VALUES (:id, :createdAt, :tier, :role)")
            .bind("role", account.role().name())
            .bind("id", account.id().value())
            .bind("tier", account.tier().name())
            .bind("createdAt", utc(account.createdAt()))
            .fetch()
            .rowsUpdated();
    return insertAccount.then(add(firstKey)).thenReturn(account).as(tx::transactional);
  }

  @Override
  public Mono<Account> findById(AccountId id) {
    return cache.account(
        id,
        () ->
            db.sql("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE id = :id")
                .bind("id", id.value())
                .map(R2dbcAccounts::toAccount)
                .one());
  }

  @Override
  public Mono<Account> createWithPassword(Account account, String passwordHash) {
    return db.sql(
            "INSERT INTO accounts (id, created_at, tier, role, email, password_hash)"
                + " VALUES (:id, :createdAt, :tier, :role, :email, :hash)")
        .bind("id", account.id().value())
        .bind("createdAt", utc(account.createdAt()))
        .bind("tier", account.tier().name())
        .bind("role", account.role().name())
        .bind("email", account.email().orElseThrow())
        .bind("hash", passwordHash)
        .fetch()
        .rowsUpdated()
        .thenReturn(account)
        .onErrorMap(
            DataIntegrityViolationException.class, e -> new EmailAlreadyRegisteredException());
  }

  @Override
  public Mono<Credentials> findCredentials(String email) {
    return db.sql(
            "SELECT "
                + ACCOUNT_COLUMNS
                + ", password_hash FROM accounts"
                + " WHERE lower(email) = lower(:email) AND password_hash IS NOT NULL")
        .bind("email", email)
        .map(row -> new Credentials(toAccount(row), row.get("password_hash", String.class)))
        .one();
  }

  /** A new role changes what the account's keys may do: announced to every gateway's cache. */
  @Override
  public Mono<Boolean> promoteToOperator(String email) {
    return changes.announced(
        change ->
            db.sql(
                    "WITH promoted AS (UPDATE accounts SET role = 'OPERATOR'"
                        + " WHERE lower(email) = lower(:email) RETURNING 1)"
                        + " SELECT count(*) AS n, pg_notify(:channel, :change) AS notified"
                        + " FROM promoted")
                .bind("email", email)
                .bind("channel", AuthChanges.CHANGED)
                .bind("change", change)
                .map(row -> row.get("n", Long.class) > 0)
                .one());
  }

  @Override
  public Mono<ApiKey> add(ApiKey key) {
    return db.sql(
            "INSERT INTO api_keys (id, account_id, display_prefix, key_hash, created_at)"
                + " VALUES (:id, :accountId, :displayPrefix, :keyHash, :createdAt)")
        .bind("id", key.id().value())
        .bind("accountId", key.accountId().value())
        .bind("displayPrefix", key.displayPrefix())
        .bind("keyHash", key.hash().hex())
        .bind("createdAt", utc(key.createdAt()))
        .fetch()
        .rowsUpdated()
        .thenReturn(key);
  }

  /**
   * Locks the account's row first, so concurrent adds for one account count one after another (each
   * statement of the transaction sees what committed before it ran).
   */
  @Override
  public Mono<Boolean> addWithin(ApiKey key, int maxActive) {
    Mono<Long> lock =
        db.sql("SELECT id FROM accounts WHERE id = :a FOR UPDATE")
            .bind("a", key.accountId().value())
            .fetch()
            .rowsUpdated();
    Mono<Long> insert =
        db.sql(
                "INSERT INTO api_keys (id, account_id, display_prefix, key_hash, created_at)"
                    + " SELECT :id, :accountId, :displayPrefix, :keyHash, :createdAt"
                    + " WHERE (SELECT count(*) FROM api_keys WHERE account_id = :accountId"
                    + " AND revoked_at IS NULL) < :max")
            .bind("id", key.id().value())
            .bind("accountId", key.accountId().value())
            .bind("displayPrefix", key.displayPrefix())
            .bind("keyHash", key.hash().hex())
            .bind("createdAt", utc(key.createdAt()))
            .bind("max", maxActive)
            .fetch()
            .rowsUpdated();
    return lock.then(insert).map(rows -> rows > 0).as(tx::transactional);
  }

  @Override
  public Mono<ApiKey> findByHash(ApiKeyHash hash) {
    return cache.key(
        hash,
        () ->
            db.sql("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE key_hash = :keyHash")
                .bind("keyHash", hash.hex())
                .map(R2dbcAccounts::toApiKey)
                .one());
  }

  @Override
  public Flux<ApiKey> listFor(AccountId owner) {
    return db.sql(
            "SELECT "
                + KEY_COLUMNS
                + " FROM api_keys WHERE account_id = :a ORDER BY created_at DESC")
        .bind("a", owner.value())
        .map(R2dbcAccounts::toApiKey)
        .all();
  }

  /**
   * Revokes with a notification in the same statement (sent when it commits), and answers once
   * every gateway has emptied its cache: the key fails on its next request anywhere.
   */
  @Override
  public Mono<Boolean> revoke(AccountId owner, ApiKeyId id, Instant when) {
    return changes.announced(
        change ->
            db.sql(
                    "WITH revoked AS (UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :when)"
                        + " WHERE id = :id AND account_id = :a RETURNING 1)"
                        + " SELECT count(*) AS n, pg_notify(:channel, :change) AS notified"
                        + " FROM revoked")
                .bind("when", utc(when))
                .bind("id", id.value())
                .bind("a", owner.value())
                .bind("channel", AuthChanges.CHANGED)
                .bind("change", change)
                .map(row -> row.get("n", Long.class) > 0)
                .one());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Its commit does not wait for the disk: a last-used time lost in a crash of the database only
   * shows an older one. It is written on the request that authenticates, for each key once a minute
   * and on its first use, where an fsync cost the request several milliseconds.
   */
  @Override
  public Mono<Void> markUsed(ApiKeyId id, Instant when) {
    return db.sql(
            Sql.RELAXED_COMMIT
                + "UPDATE api_keys SET last_used_at = :when FROM relaxed"
                + " WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :when)")
        .bind("id", id.value())
        .bind("when", utc(when))
        .fetch()
        .rowsUpdated()
        .doOnNext(rows -> cache.used(id, when))
        .then();
  }

  private static Account toAccount(Readable row) {
    return new Account(
        new AccountId(row.get("id", UUID.class)),
        instant(row, "created_at"),
        Tier.valueOf(row.get("tier", String.class)),
        Role.valueOf(row.get("role", String.class)),
        Optional.ofNullable(row.get("email", String.class)));
  }

  private static ApiKey toApiKey(Readable row) {
    return new ApiKey(
        new ApiKeyId(row.get("id", UUID.class)),
        new AccountId(row.get("account_id", UUID.class)),
        row.get("display_prefix", String.class),
        new ApiKeyHash(row.get("key_hash", String.class)),
        instant(row, "created_at"),
        optionalInstant(row, "last_used_at"),
        optionalInstant(row, "revoked_at"));
  }

  static Instant instant(Readable row, String column) {
    return row.get(column, OffsetDateTime.class).toInstant();
  }

  static Optional<Instant> optionalInstant(Readable row, String column) {
    return Optional.ofNullable(row.get(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
