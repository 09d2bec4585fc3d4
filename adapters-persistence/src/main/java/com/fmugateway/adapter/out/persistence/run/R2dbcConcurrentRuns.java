package com.fmugateway.adapter.out.persistence.run;

import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

import com.fmugateway.adapter.out.persistence.support.Sql;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Runs in progress in PostgreSQL, one row each. Taking a slot is one transaction under a lock on
 * the account (an advisory lock, so no row of {@code accounts} is held): the unexpired slots are
 * counted, the new one inserted only below the limit, and lapsed ones dropped; concurrent starts
 * for one account on any gateway wait their turn. It is one round trip: the schema's function
 * {@code run_slot_try_start} (migration V17). A run paid from credits takes its slot with its hold
 * instead ({@code credit_hold_in_slot}, migration V20). A run that ends well gives its slot back in
 * the statement that settles and records it ({@link R2dbcSettledRuns}).
 */
public final class R2dbcConcurrentRuns implements ConcurrentRuns {

  private final DatabaseClient db;

  public R2dbcConcurrentRuns(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Boolean> tryStart(
      AccountId account, UUID run, int max, Instant now, Instant leaseUntil) {
    // A slot lost in a crash of the database only frees a slot early, as its lease would: not
    // worth an fsync (the run's end, a durable commit, flushes this one with it).
    return db.sql(
            Sql.RELAXED_COMMIT
                + "SELECT run_slot_try_start(:run, :a, :lockKey, :now, :until, :max) AS started"
                + " FROM relaxed")
        .bind("run", run)
        .bind("a", account.value())
        .bind("lockKey", lockKey(account))
        .bind("now", utc(now))
        .bind("until", utc(leaseUntil))
        .bind("max", max)
        .map(row -> Boolean.TRUE.equals(row.get("started", Boolean.class)))
        .one();
  }

  /**
   * The advisory lock's key under which the account's slots are counted and taken, here and by
   * {@code R2dbcCreditLedger#holdInSlot}: one key, so the two never pass the limit together.
   */
  public static String lockKey(AccountId account) {
    return "run_slots:" + account;
  }

  @Override
  public Mono<Void> finish(UUID run) {
    return db.sql("DELETE FROM run_slots WHERE run_id = :run").bind("run", run).then();
  }
}
