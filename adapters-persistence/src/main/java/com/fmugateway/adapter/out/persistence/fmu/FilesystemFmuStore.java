package com.fmugateway.adapter.out.persistence.fmu;

import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.fmu.model.StagedFmu;
import com.fmugateway.domain.fmu.port.out.FmuStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * FMU archives on the local filesystem under {@code <root>/<aa>/<sha256>.fmu}. Uploads stream
 * through a staging file chunk by chunk; file I/O runs on a bounded scheduler, never on the event
 * loop.
 */
public final class FilesystemFmuStore implements FmuStore {

  private final Path root;
  private final Path staging;
  private final Scheduler io = Schedulers.boundedElastic();

  public FilesystemFmuStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.staging = this.root.resolve(".staging");
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the FMU store in " + this.root, e);
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
    return Mono.fromCallable(
            () -> {
              Path target = pathOf(staged.sha256());
              Files.createDirectories(target.getParent());
              if (Files.exists(target)) {
                Files.deleteIfExists(staged.file());
                return target;
              }
              try {
                Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
              } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(staged.file());
              }
              return target;
            })
        .subscribeOn(io);
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
    return Mono.fromCallable(() -> pathOf(sha256)).filter(Files::isRegularFile).subscribeOn(io);
  }

  private Path pathOf(Sha256 sha256) {
    return root.resolve(sha256.hex().substring(0, 2)).resolve(sha256.hex() + ".fmu");
  }
}
