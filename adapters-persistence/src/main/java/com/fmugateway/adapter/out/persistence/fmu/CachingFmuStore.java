package com.fmugateway.adapter.out.persistence.fmu;

import com.fmugateway.adapter.out.persistence.blob.FileContent;
import com.fmugateway.adapter.out.persistence.blob.SpoolFile;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.fmu.model.StagedFmu;
import com.fmugateway.domain.fmu.port.out.FmuStore;
import com.fmugateway.domain.shared.model.BlobIntegrityException;
import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.port.out.BlobStore;
import com.fmugateway.domain.shared.port.out.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * FMU archives in the shared {@link BlobStore} under {@code sha256/<hex>}, so every node reaches
 * every upload, with this node's {@link FmuCache} in front: workers get a local file, fetched from
 * the shared store on first use. Uploads stream to a staging file while hashed, as before; keeping
 * one stores it in the shared store first and then moves the file into the cache.
 */
public final class CachingFmuStore implements FmuStore {

  private final BlobStore blobs;
  private final FmuCache cache;
  private final Path staging;
  private final Scheduler io = Schedulers.boundedElastic();
  private final Map<Sha256, Mono<Path>> fetching = new ConcurrentHashMap<>();

  /**
   * A store whose cache is the folder {@code dir} (archives already there, as the gateway kept them
   * before the shared store, stay usable at once and are migrated by {@link #localImport()}).
   */
  public static CachingFmuStore open(
      BlobStore blobs, Path dir, long cacheBytes, Duration inUse, Clock clock) {
    return new CachingFmuStore(
        blobs, new FmuCache(dir, cacheBytes, inUse, clock), dir.resolve(".staging"));
  }

  /** The start-up migration of archives in this node's folder into the shared store. */
  public LocalFmuImport localImport() {
    return new LocalFmuImport(cache, blobs);
  }

  CachingFmuStore(BlobStore blobs, FmuCache cache, Path staging) {
    this.blobs = blobs;
    this.cache = cache;
    this.staging = staging;
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the FMU staging folder " + staging, e);
    }
  }

  @Override
  public Mono<StagedFmu> stage(Flux<ByteBuffer> content, long maxBytes) {
    return Mono.usingWhen(
        Mono.fromCallable(() -> StagingFile.create(staging, maxBytes)).subscribeOn(io),
        file -> content.publishOn(io).doOnNext(file::write).then(Mono.fromCallable(file::finish)),
        file -> Mono.fromRunnable(file::close).subscribeOn(io),
        (file, error) -> Mono.fromRunnable(file::abandon).subscribeOn(io),
        file -> Mono.fromRunnable(file::abandon).subscribeOn(io));
  }

  @Override
  public Mono<Path> keep(StagedFmu staged) {
    Sha256 sha = staged.sha256();
    return blobs
        .put(BlobKey.sha256(sha.hex()), FileContent.read(staged.file()), sha.hex())
        .then(Mono.fromCallable(() -> cache.admit(sha, staged.file())).subscribeOn(io))
        // Not kept (the shared store is unreachable): the staged upload must not linger.
        .onErrorResume(e -> discard(staged).then(Mono.error(e)));
  }

  @Override
  public Mono<Void> discard(StagedFmu staged) {
    return Mono.<Void>fromCallable(
            () -> {
              Files.deleteIfExists(staged.file());
              return null;
            })
        .subscribeOn(io);
  }

  @Override
  public Mono<Path> locate(Sha256 sha256) {
    return Mono.fromCallable(() -> cache.use(sha256).orElse(null))
        .subscribeOn(io)
        .switchIfEmpty(Mono.defer(() -> fetchOnce(sha256)));
  }

  /** One download per archive at a time, however many runs ask for it at once. */
  private Mono<Path> fetchOnce(Sha256 sha) {
    return fetching.computeIfAbsent(
        sha, key -> fetch(key).doFinally(signal -> fetching.remove(key)).cache());
  }

  private Mono<Path> fetch(Sha256 sha) {
    BlobKey key = BlobKey.sha256(sha.hex());
    return blobs
        .find(key)
        .flatMap(
            found ->
                Mono.usingWhen(
                    Mono.fromCallable(() -> SpoolFile.create(staging)).subscribeOn(io),
                    file ->
                        blobs
                            .get(key)
                            .publishOn(io, 4)
                            .doOnNext(file::write)
                            .then(Mono.fromCallable(file::finish))
                            .flatMap(
                                written ->
                                    written.sha256().equals(sha.hex())
                                        ? Mono.fromCallable(() -> cache.admit(sha, written.file()))
                                        : Mono.error(
                                            new BlobIntegrityException(
                                                key, sha.hex(), written.sha256()))),
                    file -> Mono.fromRunnable(file::delete).subscribeOn(io),
                    (file, error) -> Mono.fromRunnable(file::delete).subscribeOn(io),
                    file -> Mono.fromRunnable(file::delete).subscribeOn(io)));
  }
}
