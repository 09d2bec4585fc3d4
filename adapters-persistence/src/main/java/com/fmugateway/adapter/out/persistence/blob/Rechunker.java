package com.fmugateway.adapter.out.persistence.blob;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Cuts a stream of buffers of any size into chunks of one fixed size (the last may be shorter),
 * counting and hashing the bytes on the way. One per upload; not thread-safe, as a stream is not.
 */
final class Rechunker {

  private final int chunkSize;
  private final MessageDigest digest;
  private byte[] current;
  private int filled;
  private long total;

  Rechunker(int chunkSize) {
    this.chunkSize = chunkSize;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The chunks of {@code content}, pulling a couple of buffers at a time. */
  Flux<byte[]> chunks(Flux<ByteBuffer> content) {
    return content
        .concatMapIterable(this::accept, 2)
        .concatWith(Flux.defer(() -> filled == 0 ? Flux.empty() : Flux.just(rest())));
  }

  private List<byte[]> accept(ByteBuffer buffer) {
    List<byte[]> full = new ArrayList<>(1);
    total += buffer.remaining();
    digest.update(buffer.duplicate());
    while (buffer.hasRemaining()) {
      if (current == null) {
        current = new byte[chunkSize];
        filled = 0;
      }
      int n = Math.min(buffer.remaining(), chunkSize - filled);
      buffer.get(current, filled, n);
      filled += n;
      if (filled == chunkSize) {
        full.add(current);
        current = null;
        filled = 0;
      }
    }
    return full;
  }

  private byte[] rest() {
    byte[] last = java.util.Arrays.copyOf(current, filled);
    current = null;
    filled = 0;
    return last;
  }

  long total() {
    return total;
  }

  /** Lower-case hex SHA-256 of every byte seen; call once, after the stream completed. */
  String sha256() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
