package com.fmugateway.domain.fmu.service;

import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuRecord;
import com.fmugateway.domain.fmu.model.InspectedFmu;
import com.fmugateway.domain.fmu.model.InspectionCache;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import com.fmugateway.domain.fmu.model.StagedFmu;
import com.fmugateway.domain.fmu.port.in.UploadFmuCommand;
import com.fmugateway.domain.fmu.port.in.UploadFmuUseCase;
import com.fmugateway.domain.fmu.port.out.FmuCatalog;
import com.fmugateway.domain.fmu.port.out.FmuInspector;
import com.fmugateway.domain.fmu.port.out.FmuStore;
import com.fmugateway.domain.fmu.port.out.RunPreparation;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Stages the bytes, validates them, then keeps and registers them: an invalid archive leaves
 * nothing behind, and a valid one is kept once per content hash. Before answering, it gives the
 * simulator up to {@link #PREPARE_WAIT} to get the FMU ready for its owner's first run.
 */
public final class UploadFmuService implements UploadFmuUseCase {

  /**
   * How long an upload waits for its FMU to be prepared: a small FMU takes tens of milliseconds,
   * and one that takes longer goes on being prepared after the answer.
   */
  static final Duration PREPARE_WAIT = Duration.ofSeconds(1);

  private final FmuStore store;
  private final FmuInspector inspector;
  private final FmuCatalog catalog;
  private final Clock clock;
  private final long maxUploadBytes;
  private final AuditLog audit;
  private final RunPreparation preparation;
  private final InspectionCache inspections;

  public UploadFmuService(
      FmuStore store,
      FmuInspector inspector,
      FmuCatalog catalog,
      Clock clock,
      long maxUploadBytes,
      AuditLog audit,
      RunPreparation preparation,
      InspectionCache inspections) {
    this.store = Objects.requireNonNull(store, "store");
    this.inspector = Objects.requireNonNull(inspector, "inspector");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxUploadBytes = maxUploadBytes;
    this.audit = Objects.requireNonNull(audit, "audit");
    this.preparation = Objects.requireNonNull(preparation, "preparation");
    this.inspections = Objects.requireNonNull(inspections, "inspections");
  }

  @Override
  public Mono<ResolvedFmu> upload(UploadFmuCommand command) {
    return store
        .stage(command.content(), maxUploadBytes)
        .flatMap(
            staged ->
                inspector
                    .inspect(staged.file())
                    .onErrorResume(e -> store.discard(staged).then(Mono.error(e)))
                    .flatMap(inspected -> keep(command, staged, inspected)));
  }

  private Mono<ResolvedFmu> keep(
      UploadFmuCommand command, StagedFmu staged, InspectedFmu inspected) {
    FmuRecord candidate =
        new FmuRecord(
            FmuId.newUpload(),
            command.owner(),
            staged.sha256(),
            inspected.description().modelName(),
            inspected.description().fmiVersion(),
            inspected.description().interfaces(),
            staged.sizeBytes(),
            clock.now());
    return store
        .keep(staged)
        .doOnNext(path -> inspections.put(staged.sha256(), inspected))
        .flatMap(
            path ->
                catalog
                    .register(candidate)
                    .flatMap(
                        record ->
                            audit
                                .record(
                                    AuditEvent.by(
                                            record.owner(),
                                            clock.now(),
                                            "fmu.uploaded",
                                            record.id().value())
                                        .with("sha256", record.sha256().hex())
                                        .with("model", record.modelName()))
                                .thenReturn(ResolvedFmu.ofUpload(record, path, inspected))
                                .flatMap(resolved -> prepared(command, resolved))));
  }

  private Mono<ResolvedFmu> prepared(UploadFmuCommand command, ResolvedFmu resolved) {
    return Mono.defer(() -> preparation.prepare(command.owner(), resolved.artifact()))
        .timeout(PREPARE_WAIT, Mono.empty())
        .onErrorResume(e -> Mono.empty())
        .thenReturn(resolved);
  }
}
