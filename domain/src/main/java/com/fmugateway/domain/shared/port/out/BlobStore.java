package com.fmugateway.domain.shared.port.out;

import com.fmugateway.domain.shared.model.BlobKey;
import com.fmugateway.domain.shared.model.StoredBlob;
import java.nio.ByteBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Role: bytes under a key, reachable from every node (FMU archives, stored results). Streamed in
 * and out chunk by chunk, so a blob of any size never has to fit in memory. A blob is immutable
 * once stored: it appears whole or not at all, and the first complete put of a key wins.
 */
public interface BlobStore {

  /**
   * Stores {@code content} under {@code key}. When the key is stored already, its blob is kept, the
   * content is not read, and the stored blob is returned.
   */
  Mono<StoredBlob> put(BlobKey key, Flux<ByteBuffer> content);

  /**
   * As {@link #put}, but refuses with {@link
   * com.fmugateway.domain.shared.model.BlobIntegrityException} (storing nothing) when the bytes'
   * SHA-256 is not {@code expectedSha256} (lower-case hex): for content-addressed keys.
   */
  Mono<StoredBlob> put(BlobKey key, Flux<ByteBuffer> content, String expectedSha256);

  /** The blob's bytes in order, read as they are consumed; empty when the key is not stored. */
  Flux<ByteBuffer> get(BlobKey key);

  /** What is stored under {@code key}; empty when nothing is. */
  Mono<StoredBlob> find(BlobKey key);

  /** Whether a blob is stored under {@code key}. */
  default Mono<Boolean> exists(BlobKey key) {
    return find(key).hasElement();
  }
}
