package com.fmugateway.adapter.out.persistence.database;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The driver's connections, each message the gateway sends the server counted in {@link
 * DatabaseActivity}: statements and batches executed, transactions begun, committed and rolled
 * back, remote validations. Sits below the pool, so the pool's own validation queries count too.
 *
 * <p>A connection on which a statement was cancelled before its results ended (a client that hung
 * up mid-request, a job stopped mid-query) is never lent again: the driver can leave such a
 * connection with an unfinished exchange at the head of its queue, and every later statement on it
 * then waits forever without an error (CancelledStatementsIT). Its local validation fails, so the
 * pool closes it on the next acquire and opens a fresh one.
 */
public final class CountingConnectionFactory implements ConnectionFactory {

  private static final Logger log = LoggerFactory.getLogger(CountingConnectionFactory.class);

  private final ConnectionFactory driver;
  private final DatabaseActivity activity;

  private CountingConnectionFactory(ConnectionFactory driver, DatabaseActivity activity) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.activity = Objects.requireNonNull(activity, "activity");
  }

  public static ConnectionFactory counting(ConnectionFactory driver, DatabaseActivity activity) {
    return new CountingConnectionFactory(driver, activity);
  }

  @Override
  public Publisher<? extends Connection> create() {
    return Mono.from(driver.create()).map(CountingConnection::new);
  }

  @Override
  public ConnectionFactoryMetadata getMetadata() {
    return driver.getMetadata();
  }

  /** Delegates everything; counts what reaches the server. */
  private final class CountingConnection implements Connection {

    private final Connection connection;
    private volatile boolean abandoned;

    CountingConnection(Connection connection) {
      this.connection = connection;
    }

    /** An exchange on it was cancelled before it ended: never lend this connection again. */
    void abandon() {
      abandoned = true;
    }

    @Override
    public Publisher<Void> beginTransaction() {
      return guarded(counted(connection.beginTransaction(), DatabaseActivity.Kind.BEGIN));
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
      return guarded(counted(connection.beginTransaction(definition), DatabaseActivity.Kind.BEGIN));
    }

    @Override
    public Publisher<Void> close() {
      return connection.close();
    }

    @Override
    public Publisher<Void> commitTransaction() {
      return guarded(counted(connection.commitTransaction(), DatabaseActivity.Kind.COMMIT));
    }

    @Override
    public Batch createBatch() {
      Batch batch = connection.createBatch();
      return new Batch() {
        @Override
        public Batch add(String sql) {
          batch.add(sql);
          return this;
        }

        @Override
        public Publisher<? extends Result> execute() {
          return watched(counted(batch.execute(), DatabaseActivity.Kind.STATEMENT));
        }
      };
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
      return guarded(counted(connection.createSavepoint(name), DatabaseActivity.Kind.STATEMENT));
    }

    @Override
    public Statement createStatement(String sql) {
      return new CountingStatement(connection.createStatement(sql), this);
    }

    @Override
    public boolean isAutoCommit() {
      return connection.isAutoCommit();
    }

    @Override
    public ConnectionMetadata getMetadata() {
      return connection.getMetadata();
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
      return connection.getTransactionIsolationLevel();
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
      return guarded(counted(connection.releaseSavepoint(name), DatabaseActivity.Kind.STATEMENT));
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
      return guarded(counted(connection.rollbackTransaction(), DatabaseActivity.Kind.ROLLBACK));
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
      return guarded(
          counted(connection.rollbackTransactionToSavepoint(name), DatabaseActivity.Kind.ROLLBACK));
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
      return guarded(connection.setAutoCommit(autoCommit));
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
      return guarded(connection.setLockWaitTimeout(timeout));
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
      return guarded(connection.setStatementTimeout(timeout));
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
      return guarded(connection.setTransactionIsolationLevel(level));
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
      if (abandoned) {
        log.warn(
            "A database connection on which a statement was cancelled mid-way is closed, not"
                + " lent again");
        return Mono.just(false);
      }
      return depth == ValidationDepth.REMOTE
          ? counted(connection.validate(depth), DatabaseActivity.Kind.VALIDATION)
          : connection.validate(depth);
    }

    /**
     * An exchange with the server that, cancelled before its end, abandons this connection. On an
     * abandoned connection it fails at once: queued behind the unfinished exchange it would never
     * end, and a transaction's rollback that never ends keeps the connection from the pool.
     */
    private Mono<Void> guarded(Publisher<Void> exchange) {
      return Mono.defer(
          () ->
              abandoned
                  ? Mono.error(abandonedError())
                  : Mono.fromDirect(abandonsIfCancelledBeforeItsEnd(exchange, this)));
    }

    /** Results whose streams, cancelled before they end, abandon this connection. */
    Flux<Result> watched(Publisher<? extends Result> results) {
      return Flux.defer(
          () ->
              abandoned
                  ? Flux.error(abandonedError())
                  : abandonsIfCancelledBeforeItsEnd(results, this)
                      .map(result -> (Result) new WatchedResult(result, this)));
    }

    private static R2dbcNonTransientResourceException abandonedError() {
      return new R2dbcNonTransientResourceException(
          "the connection was given up after a statement on it was cancelled mid-way");
    }
  }

  /**
   * A statement's results; each of its streams cancelled before its end abandons the connection.
   */
  private static final class WatchedResult implements Result {

    private final Result result;
    private final CountingConnection connection;

    WatchedResult(Result result, CountingConnection connection) {
      this.result = result;
      this.connection = connection;
    }

    @Override
    public Publisher<Long> getRowsUpdated() {
      // A Mono stays a Mono, so Mono.from(...) downstream takes its one value without a cancel.
      return Mono.fromDirect(abandonsIfCancelledBeforeItsEnd(result.getRowsUpdated(), connection));
    }

    @Override
    public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapping) {
      return watched(result.map(mapping));
    }

    @Override
    public <T> Publisher<T> map(Function<? super Readable, ? extends T> mapping) {
      return watched(result.map(mapping));
    }

    @Override
    public Result filter(Predicate<Segment> filter) {
      return new WatchedResult(result.filter(filter), connection);
    }

    @Override
    public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mapping) {
      return watched(result.flatMap(mapping));
    }

    private <T> Flux<T> watched(Publisher<? extends T> rows) {
      return abandonsIfCancelledBeforeItsEnd(rows, connection);
    }
  }

  /**
   * {@code exchange}, which abandons {@code connection} when it is cancelled before its end. A
   * cancel that comes after the end changes nothing: the exchange is over, and by then the pool may
   * have taken the connection back and lent it to another request, which it would fail. Operators
   * pass such late cancels on (one that takes a first value while the end is on its way from
   * another thread, for one). The end is noted before it is passed downstream, so a cancel sent
   * once the end was seen (releasing the connection comes after that) always finds it noted.
   */
  private static <T> Flux<T> abandonsIfCancelledBeforeItsEnd(
      Publisher<? extends T> exchange, CountingConnection connection) {
    return Flux.defer(
        () -> {
          AtomicBoolean ended = new AtomicBoolean();
          return Flux.<T>from(exchange)
              .doOnTerminate(() -> ended.set(true))
              .doOnCancel(
                  () -> {
                    if (!ended.get()) {
                      connection.abandon();
                    }
                  });
        });
  }

  /** A statement whose execution is counted once, however many rows it returns. */
  private final class CountingStatement implements Statement {

    private final Statement statement;
    private final CountingConnection connection;

    CountingStatement(Statement statement, CountingConnection connection) {
      this.statement = statement;
      this.connection = connection;
    }

    @Override
    public Statement add() {
      statement.add();
      return this;
    }

    @Override
    public Statement bind(int index, Object value) {
      statement.bind(index, value);
      return this;
    }

    @Override
    public Statement bind(String name, Object value) {
      statement.bind(name, value);
      return this;
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
      statement.bindNull(index, type);
      return this;
    }

    @Override
    public Statement bindNull(String name, Class<?> type) {
      statement.bindNull(name, type);
      return this;
    }

    @Override
    public Statement returnGeneratedValues(String... columns) {
      statement.returnGeneratedValues(columns);
      return this;
    }

    @Override
    public Statement fetchSize(int rows) {
      statement.fetchSize(rows);
      return this;
    }

    @Override
    public Publisher<? extends Result> execute() {
      return connection.watched(counted(statement.execute(), DatabaseActivity.Kind.STATEMENT));
    }
  }

  private <T> Publisher<T> counted(Publisher<T> sent, DatabaseActivity.Kind kind) {
    return subscriber -> {
      activity.count(kind);
      sent.subscribe(subscriber);
    };
  }
}
