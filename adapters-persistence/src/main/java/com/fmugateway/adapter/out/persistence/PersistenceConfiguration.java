package com.fmugateway.adapter.out.persistence;

import com.fmugateway.adapter.out.persistence.account.AuthCache;
import com.fmugateway.adapter.out.persistence.account.AuthChanges;
import com.fmugateway.adapter.out.persistence.account.BcryptPasswordHasher;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.analytics.R2dbcAnalyticsReadModel;
import com.fmugateway.adapter.out.persistence.audit.R2dbcAuditLog;
import com.fmugateway.adapter.out.persistence.blob.R2dbcBlobStore;
import com.fmugateway.adapter.out.persistence.blob.S3BlobStore;
import com.fmugateway.adapter.out.persistence.blob.S3Clients;
import com.fmugateway.adapter.out.persistence.blob.StorageProperties;
import com.fmugateway.adapter.out.persistence.credit.R2dbcCreditLedger;
import com.fmugateway.adapter.out.persistence.database.CountingConnectionFactory;
import com.fmugateway.adapter.out.persistence.database.DatabaseActivity;
import com.fmugateway.adapter.out.persistence.database.DatabaseActivityProbe;
import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.database.DatabaseProperties;
import com.fmugateway.adapter.out.persistence.database.DatabaseServer;
import com.fmugateway.adapter.out.persistence.database.OutageAwareConnections;
import com.fmugateway.adapter.out.persistence.database.R2dbcTransactions;
import com.fmugateway.adapter.out.persistence.experiment.BlobCaseResults;
import com.fmugateway.adapter.out.persistence.experiment.DbSchedulerCallbackQueue;
import com.fmugateway.adapter.out.persistence.experiment.DbSchedulerCaseQueue;
import com.fmugateway.adapter.out.persistence.experiment.R2dbcExperimentStore;
import com.fmugateway.adapter.out.persistence.fmu.CachingFmuStore;
import com.fmugateway.adapter.out.persistence.fmu.FmuStoreProperties;
import com.fmugateway.adapter.out.persistence.fmu.R2dbcFmuCatalog;
import com.fmugateway.adapter.out.persistence.health.DatabaseHealthProbe;
import com.fmugateway.adapter.out.persistence.limit.R2dbcFailedLogIns;
import com.fmugateway.adapter.out.persistence.limit.R2dbcRateLimiter;
import com.fmugateway.adapter.out.persistence.payment.R2dbcPaymentRequirementLog;
import com.fmugateway.adapter.out.persistence.payment.R2dbcPaymentSessions;
import com.fmugateway.adapter.out.persistence.payment.R2dbcPaymentTokens;
import com.fmugateway.adapter.out.persistence.payment.R2dbcWebhookEventLog;
import com.fmugateway.adapter.out.persistence.payment.R2dbcX402PaymentLog;
import com.fmugateway.adapter.out.persistence.run.R2dbcConcurrentRuns;
import com.fmugateway.adapter.out.persistence.run.R2dbcRunHistory;
import com.fmugateway.adapter.out.persistence.run.R2dbcSettledRuns;
import com.fmugateway.domain.shared.model.PeriodicJob;
import com.fmugateway.domain.shared.port.out.BlobStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The persistence adapter: the database server, its connection pool, the store adapters and their
 * periodic clean-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  DatabaseProperties.class,
  FmuStoreProperties.class,
  StorageProperties.class
})
public class PersistenceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PersistenceConfiguration.class);

  @Bean(destroyMethod = "close")
  DatabaseServer databaseServer(DatabaseProperties properties) {
    return DatabaseServer.start(properties);
  }

  @Bean
  public DatabaseActivity databaseActivity() {
    return new DatabaseActivity();
  }

  @Bean(destroyMethod = "dispose")
  ConnectionPool connectionFactory(
      DatabaseServer server, DatabaseProperties properties, DatabaseActivity activity) {
    return pool(server.endpoint(), properties.pool(), activity);
  }

  /**
   * The gateway's pool of connections to {@code endpoint}, their messages counted in {@code
   * activity}.
   */
  public static ConnectionPool pool(
      DatabaseEndpoint endpoint, DatabaseProperties.Pool size, DatabaseActivity activity) {
    return new ConnectionPool(
        ConnectionPoolConfiguration.builder(
                CountingConnectionFactory.counting(
                    new PostgresqlConnectionFactory(connection(endpoint, "fmu-gateway")), activity))
            .initialSize(size.initialSize())
            .maxSize(size.maxSize())
            .maxIdleTime(Duration.ofMinutes(10))
            .maxAcquireTime(size.maxAcquireTime())
            // No validation query: a round trip on every acquire. The driver's local check (is the
            // socket still open?) drops connections the server closed, which is what an outage
            // leaves behind.
            .validationDepth(ValidationDepth.LOCAL)
            // A connection must come back without a transaction: one left open (a request
            // cancelled between BEGIN and COMMIT) would run the next borrower's statements inside
            // it and keep their row locks, stalling every request that needs those rows. Checked
            // locally from the driver's transaction status, so a clean release costs no round trip.
            .preRelease(PersistenceConfiguration::endAbandonedTransaction)
            .build());
  }

  private static Publisher<Void> endAbandonedTransaction(Connection connection) {
    if (connection.isAutoCommit()) {
      return Mono.empty();
    }
    return Mono.fromRunnable(
            () ->
                log.warn(
                    "A database connection came back to the pool inside a transaction; rolling it"
                        + " back"))
        .then(Mono.from(connection.rollbackTransaction()))
        .onErrorResume(e -> Mono.empty());
  }

  /** How the gateway connects to {@code endpoint}, named {@code applicationName} on the server. */
  public static PostgresqlConnectionConfiguration connection(
      DatabaseEndpoint endpoint, String applicationName) {
    return PostgresqlConnectionConfiguration.builder()
        .host(endpoint.host())
        .port(endpoint.port())
        .database(endpoint.database())
        .username(endpoint.username())
        .password(endpoint.password())
        .applicationName(applicationName)
        .connectTimeout(Duration.ofSeconds(5))
        // Nothing waits forever: a statement queued behind a lock for 15 s fails (the request gets
        // an error, and the log says which), and a transaction left idle for a minute (a
        // connection lost track of mid-transaction) is ended by the server, freeing its locks.
        .options(Map.of("lock_timeout", "15s", "idle_in_transaction_session_timeout", "60s"))
        .build();
  }

  @Bean
  public AuthCache authCache() {
    return new AuthCache();
  }

  /** This gateway's listener for API key changes, on a connection of its own (not the pool's). */
  @Bean(initMethod = "start", destroyMethod = "close")
  public AuthChanges authChanges(DatabaseServer server, DatabaseClient db, AuthCache cache) {
    String id = UUID.randomUUID().toString();
    return new AuthChanges(
        db,
        new PostgresqlConnectionFactory(
            connection(server.endpoint(), AuthChanges.listenerName(id))),
        cache,
        id,
        Duration.ofSeconds(5));
  }

  @Bean
  DatabaseClient databaseClient(ConnectionPool pool) {
    return DatabaseClient.create(new OutageAwareConnections(pool));
  }

  @Bean
  public DatabaseActivityProbe databaseActivityProbe(DatabaseClient db, DatabaseActivity activity) {
    return new DatabaseActivityProbe(db, activity);
  }

  /** On the client's connection factory: transactions bind connections to that very instance. */
  @Bean
  R2dbcTransactionManager transactionManager(DatabaseClient db) {
    return new R2dbcTransactionManager(db.getConnectionFactory());
  }

  @Bean
  TransactionalOperator transactionalOperator(R2dbcTransactionManager transactionManager) {
    return TransactionalOperator.create(transactionManager);
  }

  @Bean
  public R2dbcAccounts accounts(
      DatabaseClient db, TransactionalOperator tx, AuthCache cache, AuthChanges changes) {
    return new R2dbcAccounts(db, tx, cache, changes);
  }

  /** The hashes of account passwords, computed off the event loop on threads of their own. */
  @Bean(destroyMethod = "close")
  public BcryptPasswordHasher passwordHasher() {
    return new BcryptPasswordHasher();
  }

  @Bean
  public DatabaseHealthProbe databaseHealthProbe(DatabaseClient db, DatabaseServer server) {
    return new DatabaseHealthProbe(db, server.endpoint());
  }

  @Bean
  public R2dbcFmuCatalog fmuCatalog(DatabaseClient db) {
    return new R2dbcFmuCatalog(db);
  }

  /**
   * The shared blob store every node reaches: PostgreSQL (the default, the gateway's own database)
   * or an S3-compatible bucket ({@code FMUGW_STORAGE=s3}).
   */
  @Bean
  public BlobStore blobStore(
      StorageProperties storage, DatabaseClient db, FmuStoreProperties fmuStore) {
    if (storage.kind() == StorageProperties.Kind.POSTGRES) {
      log.info("Shared storage: PostgreSQL");
      return new R2dbcBlobStore(db);
    }
    StorageProperties.S3 s3 = storage.s3();
    String bucket =
        s3.bucket()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "FMUGW_STORAGE=s3 needs FMUGW_STORAGE_S3_BUCKET (the bucket's name)"));
    log.info("Shared storage: S3 {}", s3);
    S3BlobStore store =
        new S3BlobStore(S3Clients.create(s3), bucket, fmuStore.dir().resolve(".staging"));
    store.ensureBucket();
    return store;
  }

  /** FMU archives in the shared store, with this node's bounded cache in the FMU folder. */
  @Bean
  public CachingFmuStore fmuStore(
      BlobStore blobs, FmuStoreProperties fmuStore, StorageProperties storage) {
    return CachingFmuStore.open(
        blobs,
        fmuStore.dir(),
        storage.cache().maxSize().toBytes(),
        storage.cache().inUse(),
        java.time.Instant::now);
  }

  /**
   * Stores archives kept in the FMU folder before the shared store existed; right after start-up
   * and daily after that (idempotent), so an interrupted pass is finished later.
   */
  @Bean
  public PeriodicJob localFmuMigration(CachingFmuStore fmus) {
    return new PeriodicJob(
        "local FMU migration", Duration.ofDays(1), Duration.ZERO, fmus.localImport()::run);
  }

  /** Purges chunks of blob uploads that a node died in the middle of, a day after they began. */
  @Bean
  public PeriodicJob abandonedBlobUploadPurge(BlobStore blobs) {
    return PeriodicJob.every(
        Duration.ofHours(1),
        "abandoned blob upload purge",
        () ->
            blobs instanceof R2dbcBlobStore r2dbc
                ? r2dbc.purgeAbandoned(Duration.ofDays(1))
                : Mono.empty());
  }

  @Bean
  public R2dbcCreditLedger creditLedger(DatabaseClient db, TransactionalOperator tx) {
    return new R2dbcCreditLedger(db, tx);
  }

  /** A small JDBC pool for db-scheduler alone (it speaks JDBC); everything else uses R2DBC. */
  @Bean(destroyMethod = "close")
  public HikariDataSource jobDataSource(DatabaseServer server) {
    DatabaseEndpoint endpoint = server.endpoint();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(endpoint.jdbcUrl());
    config.setUsername(endpoint.username());
    config.setPassword(endpoint.password());
    config.setPoolName("fmugw-jobs");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  @Bean
  public R2dbcExperimentStore experimentStore(DatabaseClient db, TransactionalOperator tx) {
    return new R2dbcExperimentStore(db, tx);
  }

  /** Each case's full result in the shared store, so any node serves it. */
  @Bean
  public BlobCaseResults caseResults(BlobStore blobs, DatabaseClient db) {
    return new BlobCaseResults(blobs, db);
  }

  @Bean
  public DbSchedulerCaseQueue caseQueue(HikariDataSource jobDataSource) {
    return new DbSchedulerCaseQueue(jobDataSource);
  }

  @Bean
  public DbSchedulerCallbackQueue callbackQueue(HikariDataSource jobDataSource) {
    return new DbSchedulerCallbackQueue(jobDataSource);
  }

  @Bean
  public R2dbcRunHistory runHistory(DatabaseClient db) {
    return new R2dbcRunHistory(db);
  }

  @Bean
  public R2dbcConcurrentRuns concurrentRuns(DatabaseClient db) {
    return new R2dbcConcurrentRuns(db);
  }

  @Bean
  public R2dbcSettledRuns settledRuns(DatabaseClient db) {
    return new R2dbcSettledRuns(db);
  }

  @Bean
  public R2dbcRateLimiter rateLimiter(DatabaseClient db) {
    return new R2dbcRateLimiter(db);
  }

  @Bean
  public R2dbcFailedLogIns failedLogIns(DatabaseClient db) {
    return new R2dbcFailedLogIns(db);
  }

  /** Purges old rate-limit windows every ten minutes; any instance may do it, it is idempotent. */
  @Bean
  public PeriodicJob rateLimitPurge(R2dbcRateLimiter limiter) {
    return PeriodicJob.every(
        Duration.ofMinutes(10), "rate-limit window purge", limiter::purgeExpired);
  }

  @Bean
  public R2dbcAuditLog auditLog(DatabaseClient db) {
    return new R2dbcAuditLog(db);
  }

  @Bean
  public R2dbcTransactions transactions(TransactionalOperator tx) {
    return new R2dbcTransactions(tx);
  }

  @Bean
  public R2dbcPaymentSessions paymentSessions(DatabaseClient db) {
    return new R2dbcPaymentSessions(db);
  }

  @Bean
  public R2dbcPaymentTokens paymentTokens(DatabaseClient db) {
    return new R2dbcPaymentTokens(db);
  }

  @Bean
  public R2dbcWebhookEventLog webhookEventLog(DatabaseClient db) {
    return new R2dbcWebhookEventLog(db);
  }

  @Bean
  public R2dbcX402PaymentLog x402PaymentLog(DatabaseClient db) {
    return new R2dbcX402PaymentLog(db);
  }

  @Bean
  public R2dbcPaymentRequirementLog paymentRequirementLog(DatabaseClient db) {
    return new R2dbcPaymentRequirementLog(db);
  }

  @Bean
  public R2dbcAnalyticsReadModel analyticsReadModel(DatabaseClient db) {
    return new R2dbcAnalyticsReadModel(db);
  }
}
