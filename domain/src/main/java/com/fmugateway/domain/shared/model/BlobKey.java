package com.fmugateway.domain.shared.model;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The name of a blob in the shared store: path-like segments of letters, digits and {@code -_.=},
 * joined by {@code /} (for example {@code sha256/<hex>} or {@code results/cases/<id>}). Safe as an
 * object-store key and as a file name on every node.
 */
public record BlobKey(String value) {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_=-][A-Za-z0-9._=-]*");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_LENGTH = 512;

  public BlobKey {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a blob key has 1 to " + MAX_LENGTH + " characters");
    }
    for (String segment : value.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        throw new IllegalArgumentException("not a blob key: " + value);
      }
    }
  }

  public static BlobKey of(String value) {
    return new BlobKey(value);
  }

  /** The content address of bytes whose SHA-256 is {@code hex}: {@code sha256/<hex>}. */
  public static BlobKey sha256(String hex) {
    if (!SHA256_HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: " + hex);
    }
    return new BlobKey("sha256/" + hex);
  }

  /** The key of an experiment case's full result: {@code results/cases/<id>}. */
  public static BlobKey caseResult(UUID caseId) {
    return new BlobKey("results/cases/" + caseId);
  }

  @Override
  public String toString() {
    return value;
  }
}
