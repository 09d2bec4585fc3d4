package com.fmugateway.adapter.out.persistence.run;

import com.fmugateway.adapter.out.persistence.credit.R2dbcCreditLedger;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.Hold;
import com.fmugateway.domain.billing.model.Settlement;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.port.out.SettledRuns;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A run's good end in one statement, so one round trip and one commit: {@link
 * R2dbcCreditLedger#END_OF_HOLD} (as the ledger's own settlement calls it) ends the hold under the
 * account's lock, the run's row is inserted only when that applied, and the run's slot row is
 * deleted either way. A statement is atomic: no charge without its run, no run without its charge.
 */
public final class R2dbcSettledRuns implements SettledRuns {

  private static final String SQL =
      "WITH ended AS MATERIALIZED (SELECT "
          + R2dbcCreditLedger.END_OF_HOLD
          + " AS applied),"
          + " freed AS (DELETE FROM run_slots WHERE run_id = :id),"
          + " recorded AS (INSERT INTO runs ("
          + R2dbcRunHistory.COLUMNS
          + ") SELECT "
          + R2dbcRunHistory.VALUES
          + " FROM ended WHERE applied ON CONFLICT (id) DO NOTHING)"
          + " SELECT applied FROM ended";

  private final DatabaseClient db;

  public R2dbcSettledRuns(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Boolean> settleAndRecord(Settlement settlement, RunRecord run) {
    Hold hold = settlement.hold();
    DatabaseClient.GenericExecuteSpec statement =
        R2dbcCreditLedger.bindEndOfHold(
            R2dbcRunHistory.bind(db.sql(SQL), run),
            hold,
            EntryKind.CAPTURE.signed(settlement.captured()),
            hold.captureKey().value());
    return statement
        .map(row -> Optional.ofNullable(row.get("applied", Boolean.class)))
        .one()
        .flatMap(
            applied ->
                applied.isPresent()
                    ? Mono.just(applied.get())
                    : Mono.error(new IllegalStateException("no account " + hold.accountId())));
  }
}
