package com.fmugateway.adapter.out.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceConfiguration;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A statement cancelled mid-way (a client that hung up, a job stopped mid-query) must not leave a
 * pooled connection on which every later statement waits forever. Without the guard in {@link
 * CountingConnectionFactory}, the first query cancelled while its rows arrived left both
 * connections of this pool answering nothing, with the pool counting them idle and healthy. The
 * gateway ITs' unexplained 60 s waits looked like this.
 */
class CancelledStatementsIT {

  private static final int ROUNDS = 300;

  private ConnectionPool pool;
  private DatabaseClient db;
  private TransactionalOperator tx;

  @BeforeEach
  void pool() {
    // The gateway's own pool, with two connections so that a spoilt one is lent again at once.
    pool =
        PersistenceConfiguration.pool(
            TestDatabase.freshDatabase(),
            new DatabaseProperties.Pool(2, 2, Duration.ofSeconds(10)),
            new DatabaseActivity());
    db = DatabaseClient.create(pool);
    tx = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    db.sql("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)").then().block();
    db.sql("INSERT INTO counter VALUES (1, 0)").then().block();
  }

  @AfterEach
  void close() {
    pool.dispose();
  }

  /**
   * A query after a cancelled one must get an answer. Rarely (once in several thousand rounds here)
   * that answer is a quick failure, "the connection was given up", most likely because the cancel
   * reached the statement on another thread after the pool had lent the connection again. One
   * failed request, never a hang; the test allows a few and fails on any hang.
   */
  @Test
  void statementsCancelledMidWay_leaveNoConnectionThatNeverAnswers() throws Exception {
    List<String> unanswered = new ArrayList<>();
    int givenUp = 0;
    for (int round = 0; round < ROUNDS && unanswered.size() < 3; round++) {
      Disposable running = cancellable(round % 3).subscribe(done -> {}, failed -> {});
      TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(0, 2_000));
      running.dispose();
      for (int next = 0; next < 2; next++) {
        try {
          assertThat(db.sql("SELECT 1 AS one").map(row -> row.get("one")).one().block(timeout()))
              .isEqualTo(1);
        } catch (DataAccessResourceFailureException failedFast) {
          assertThat(failedFast).rootCause().hasMessageContaining("given up");
          givenUp++;
        } catch (IllegalStateException noAnswer) {
          unanswered.add(
              "after round "
                  + round
                  + ": "
                  + noAnswer.getMessage()
                  + " (pool: "
                  + pool.getMetrics()
                      .map(m -> m.acquiredSize() + " lent, " + m.idleSize() + " idle")
                      .orElse("?")
                  + ")");
        }
      }
    }
    assertThat(unanswered).as("queries that got no answer after a cancelled one").isEmpty();
    assertThat(givenUp).as("queries failed at once after a cancelled one").isLessThanOrEqualTo(3);
    assertThat(
            tx.transactional(db.sql("UPDATE counter SET n = n + 1 WHERE id = 1").then())
                .then(db.sql("SELECT n FROM counter").map(row -> row.get("n")).one())
                .block(timeout()))
        .as("the table still takes writes")
        .isNotNull();
  }

  /**
   * A cancel can reach a statement after its results ended, when the pool has already taken the
   * connection back and lent it to someone else: the guard must not give up a connection for a
   * statement that was over. This failed a gateway test's rollback once in five CI runs; here the
   * late cancel is sent on purpose, after the connection was lent again.
   */
  @Test
  void aCancelThatComesAfterTheResultsEnded_leavesTheConnectionToItsNextBorrower()
      throws Exception {
    ConnectionPool one =
        PersistenceConfiguration.pool(
            TestDatabase.freshDatabase(),
            new DatabaseProperties.Pool(1, 1, Duration.ofSeconds(10)),
            new DatabaseActivity());
    try {
      Connection first = Mono.from(one.create()).block(timeout());
      LateCanceller rows = new LateCanceller();
      Flux.from(first.createStatement("SELECT generate_series(1, 3) AS g").execute())
          .concatMap(result -> result.map((row, metadata) -> row.get("g", Integer.class)))
          .subscribe(rows);
      assertThat(rows.ended.await(timeout().toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(rows.received).containsExactly(1, 2, 3);
      Mono.from(first.close()).block(timeout());

      Connection second = Mono.from(one.create()).block(timeout()); // the pool's only connection
      rows.subscription.cancel();

      Mono.from(second.beginTransaction()).block(timeout());
      Integer answer =
          Flux.from(second.createStatement("SELECT 42 AS answer").execute())
              .concatMap(result -> result.map((row, metadata) -> row.get("answer", Integer.class)))
              .blockLast(timeout());
      Mono.from(second.rollbackTransaction()).block(timeout());
      Mono.from(second.close()).block(timeout());
      assertThat(answer).as("the next borrower's statement inside its transaction").isEqualTo(42);
    } finally {
      one.dispose();
    }
  }

  /**
   * Takes every row, and keeps the subscription so that a test can cancel after the end. A
   * CoreSubscriber, so that Reactor hands its operators' subscription over as it is.
   */
  private static final class LateCanceller implements CoreSubscriber<Integer> {
    final List<Integer> received = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    volatile Subscription subscription;

    @Override
    public void onSubscribe(Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(Integer row) {
      received.add(row);
    }

    @Override
    public void onError(Throwable failure) {
      ended.countDown();
    }

    @Override
    public void onComplete() {
      ended.countDown();
    }
  }

  /** Rows streaming in, a transaction part-way, or a statement the server is still running. */
  private Mono<?> cancellable(int kind) {
    return switch (kind) {
      case 0 ->
          db.sql("SELECT generate_series(1, 2000) AS g").map(row -> row.get("g")).all().then();
      case 1 ->
          tx.transactional(
              db.sql("UPDATE counter SET n = n + 1 WHERE id = 1")
                  .then()
                  .then(
                      db.sql("SELECT generate_series(1, 500) AS g")
                          .map(row -> row.get("g"))
                          .all()
                          .then()));
      default -> db.sql("SELECT pg_sleep(0.002), 1 AS x").map(row -> row.get("x")).one();
    };
  }

  /** Far beyond a local query's milliseconds; an unanswered one would wait forever. */
  private static Duration timeout() {
    return Duration.ofSeconds(5);
  }
}
