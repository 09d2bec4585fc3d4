package com.fmugateway.domain.shared.model;

import java.util.Objects;

/** A blob as the shared store holds it: its key, the SHA-256 (hex) of its bytes and its size. */
public record StoredBlob(BlobKey key, String sha256, long sizeBytes) {

  public StoredBlob {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sha256, "sha256");
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
    }
  }
}
