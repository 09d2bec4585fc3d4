package com.fmugateway.domain.fmu.port.out;

import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.fmu.model.StagedFmu;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Role: keeps FMU archives by content address where every node reaches them, streamed in without
 * holding them in memory, and hands out a local file of one for workers to load.
 */
public interface FmuStore {

  /**
   * Streams an upload to a staging file, hashing it on the way. Fails with {@link
   * com.fmugateway.domain.fmu.model.UploadTooLargeException} past {@code maxBytes}, leaving nothing
   * behind.
   */
  Mono<StagedFmu> stage(Flux<ByteBuffer> content, long maxBytes);

  /**
   * Keeps a staged upload under its content address for every node (a no-op when those bytes are
   * kept already) and returns this node's local file of it.
   */
  Mono<Path> keep(StagedFmu staged);

  /** Deletes a staged upload that will not be kept. */
  Mono<Void> discard(StagedFmu staged);

  /**
   * A local file of the archive with this hash, fetched from where every node keeps it when this
   * node has none; empty when no archive has this hash.
   */
  Mono<Path> locate(Sha256 sha256);
}
