package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.domain.experiment.port.out.CaseResults;
import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.port.out.BlobStore;
import com.fmugateway.domain.simulation.model.SimulationReport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Case results in the shared {@link BlobStore} under {@code results/cases/<id>} ({@link
 * CaseReportCodec}), so every node reads every case's result; encoded and decoded on a CPU
 * scheduler, never on a driver's thread. The first result stored for a case is kept.
 */
public final class BlobCaseResults implements CaseResults {

  private final BlobStore blobs;
  private final DatabaseClient db;

  /** {@code db} holds the results stored before the shared store did (read, never written). */
  public BlobCaseResults(BlobStore blobs, DatabaseClient db) {
    this.blobs = blobs;
    this.db = db;
  }

  @Override
  public Mono<Void> store(UUID caseId, SimulationReport report) {
    return Mono.fromCallable(() -> CaseReportCodec.write(report))
        .subscribeOn(Schedulers.parallel())
        .flatMap(bytes -> blobs.put(BlobKey.caseResult(caseId), Flux.just(ByteBuffer.wrap(bytes))))
        .then();
  }

  @Override
  public Mono<SimulationReport> result(UUID caseId) {
    return blobs
        .get(BlobKey.caseResult(caseId))
        .collect(ByteArrayOutputStream::new, BlobCaseResults::append)
        // A missing key reads as no bytes; an encoded report never is.
        .filter(bytes -> bytes.size() > 0)
        .map(ByteArrayOutputStream::toByteArray)
        .switchIfEmpty(Mono.defer(() -> legacy(caseId)))
        .publishOn(Schedulers.parallel())
        .map(CaseReportCodec::read);
  }

  /**
   * A result from the {@code case_results} table, where results were kept before the shared store:
   * the table stays so that an upgrade loses none of them, and nothing new is written there.
   */
  private Mono<byte[]> legacy(UUID caseId) {
    return db.sql("SELECT report FROM case_results WHERE case_id = :id")
        .bind("id", caseId)
        .map(row -> bytes(row.get("report", ByteBuffer.class)))
        .one();
  }

  private static void append(ByteArrayOutputStream out, ByteBuffer chunk) {
    out.writeBytes(bytes(chunk));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
