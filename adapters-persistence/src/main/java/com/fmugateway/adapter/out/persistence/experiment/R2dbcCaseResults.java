package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.domain.experiment.port.out.CaseResults;
import com.fmugateway.domain.simulation.model.SimulationReport;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Case results in PostgreSQL, one row per case ({@link CaseReportCodec}); encoded and decoded on a
 * CPU scheduler, never on the driver's thread. Meant to move onto shared blob storage later.
 */
public final class R2dbcCaseResults implements CaseResults {

  private final DatabaseClient db;

  public R2dbcCaseResults(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> store(UUID caseId, SimulationReport report) {
    return Mono.fromCallable(() -> CaseReportCodec.write(report))
        .subscribeOn(Schedulers.parallel())
        .flatMap(
            bytes ->
                db.sql(
                        "INSERT INTO case_results (case_id, report) VALUES (:id, :report)"
                            + " ON CONFLICT (case_id) DO UPDATE SET report = EXCLUDED.report,"
                            + " stored_at = now()")
                    .bind("id", caseId)
                    .bind("report", ByteBuffer.wrap(bytes))
                    .then());
  }

  @Override
  public Mono<SimulationReport> result(UUID caseId) {
    return db.sql("SELECT report FROM case_results WHERE case_id = :id")
        .bind("id", caseId)
        .map(row -> row.get("report", ByteBuffer.class))
        .one()
        .publishOn(Schedulers.parallel())
        .map(
            buffer -> {
              byte[] bytes = new byte[buffer.remaining()];
              buffer.get(bytes);
              return CaseReportCodec.read(bytes);
            });
  }
}
