package com.fmugateway.adapter.out.persistence.database;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.Objects;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The driver's connections, each message the gateway sends the server counted in {@link
 * DatabaseActivity}: statements and batches executed, transactions begun, committed and rolled
 * back, remote validations. Sits below the pool, so the pool's own validation queries count too.
 */
public final class CountingConnectionFactory implements ConnectionFactory {

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

    CountingConnection(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Publisher<Void> beginTransaction() {
      return counted(connection.beginTransaction(), DatabaseActivity.Kind.BEGIN);
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
      return counted(connection.beginTransaction(definition), DatabaseActivity.Kind.BEGIN);
    }

    @Override
    public Publisher<Void> close() {
      return connection.close();
    }

    @Override
    public Publisher<Void> commitTransaction() {
      return counted(connection.commitTransaction(), DatabaseActivity.Kind.COMMIT);
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
          return counted(batch.execute(), DatabaseActivity.Kind.STATEMENT);
        }
      };
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
      return counted(connection.createSavepoint(name), DatabaseActivity.Kind.STATEMENT);
    }

    @Override
    public Statement createStatement(String sql) {
      return new CountingStatement(connection.createStatement(sql));
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
      return counted(connection.releaseSavepoint(name), DatabaseActivity.Kind.STATEMENT);
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
      return counted(connection.rollbackTransaction(), DatabaseActivity.Kind.ROLLBACK);
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
      return counted(
          connection.rollbackTransactionToSavepoint(name), DatabaseActivity.Kind.ROLLBACK);
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
      return connection.setAutoCommit(autoCommit);
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
      return connection.setLockWaitTimeout(timeout);
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
      return connection.setStatementTimeout(timeout);
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
      return connection.setTransactionIsolationLevel(level);
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
      return depth == ValidationDepth.REMOTE
          ? counted(connection.validate(depth), DatabaseActivity.Kind.VALIDATION)
          : connection.validate(depth);
    }
  }

  /** A statement whose execution is counted once, however many rows it returns. */
  private final class CountingStatement implements Statement {

    private final Statement statement;

    CountingStatement(Statement statement) {
      this.statement = statement;
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
      return counted(statement.execute(), DatabaseActivity.Kind.STATEMENT);
    }
  }

  private <T> Publisher<T> counted(Publisher<T> sent, DatabaseActivity.Kind kind) {
    return subscriber -> {
      activity.count(kind);
      sent.subscribe(subscriber);
    };
  }
}
