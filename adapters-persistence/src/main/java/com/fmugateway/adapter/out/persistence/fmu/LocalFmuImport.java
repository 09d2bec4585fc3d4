package com.fmugateway.adapter.out.persistence.fmu;

import com.fmugateway.adapter.out.persistence.blob.FileContent;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.shared.model.BlobIntegrityException;
import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.port.out.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Start-up migration: FMU archives in this node's folder (where the gateway kept uploads before the
 * shared store) that the shared store lacks are stored there, each verified against the hash its
 * name claims. Idempotent; an archive whose bytes do not match its name is set aside as {@code
 * .corrupt} and left out.
 */
public final class LocalFmuImport {

  private static final Logger log = LoggerFactory.getLogger(LocalFmuImport.class);

  /** What one pass did. */
  public record Report(int migrated, int present, int refused) {}

  private final FmuCache cache;
  private final BlobStore blobs;

  LocalFmuImport(FmuCache cache, BlobStore blobs) {
    this.cache = cache;
    this.blobs = blobs;
  }

  public Mono<Report> run() {
    return Flux.fromIterable(cache.contents())
        .concatMap(this::importOne)
        .reduce(
            new Report(0, 0, 0),
            (report, outcome) ->
                new Report(
                    report.migrated() + (outcome == Outcome.MIGRATED ? 1 : 0),
                    report.present() + (outcome == Outcome.PRESENT ? 1 : 0),
                    report.refused() + (outcome == Outcome.REFUSED ? 1 : 0)))
        .doOnNext(
            report ->
                log.info(
                    "Shared model storage: migrated {} local FMU archive(s), {} already there, {}"
                        + " refused",
                    report.migrated(),
                    report.present(),
                    report.refused()));
  }

  private enum Outcome {
    MIGRATED,
    PRESENT,
    REFUSED
  }

  private Mono<Outcome> importOne(Sha256 sha) {
    BlobKey key = BlobKey.sha256(sha.hex());
    Path file = cache.pathOf(sha);
    return blobs
        .exists(key)
        .flatMap(
            present ->
                present
                    ? Mono.just(Outcome.PRESENT)
                    : blobs
                        .put(key, FileContent.read(file), sha.hex())
                        .thenReturn(Outcome.MIGRATED)
                        .onErrorResume(BlobIntegrityException.class, e -> setAside(sha, file, e)));
  }

  private Mono<Outcome> setAside(Sha256 sha, Path file, BlobIntegrityException cause) {
    return Mono.fromCallable(
            () -> {
              log.warn("Not migrating {}: {}", file, cause.getMessage());
              cache.forget(sha);
              try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt"));
              } catch (IOException e) {
                log.warn("Could not set {} aside: {}", file, e.getMessage());
              }
              return Outcome.REFUSED;
            })
        .subscribeOn(Schedulers.boundedElastic());
  }
}
