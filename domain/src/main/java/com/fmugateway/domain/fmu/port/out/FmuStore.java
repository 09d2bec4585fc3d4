package com.fmugateway.domain.fmu.port.out;

import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.fmu.model.StagedFmu;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Role: keeps FMU archives by content address, streamed in without holding them in memory. */
public interface FmuStore {

  /**
   * Streams an upload to a staging file, hashing it on the way. Fails with {@link
   * com.fmugateway.domain.fmu.model.UploadTooLargeException} past {@code maxBytes}, leaving nothing
   * behind.
   */
  Mono<StagedFmu> stage(Flux<ByteBuffer> content, long maxBytes);

  /** Moves a staged upload to its content address (a no-op when those bytes are kept already). */
  Mono<Path> keep(StagedFmu staged);

  /** Deletes a staged upload that will not be kept. */
  Mono<Void> discard(StagedFmu staged);

  /** Where the archive with this hash lies. */
  Mono<Path> locate(Sha256 sha256);
}
