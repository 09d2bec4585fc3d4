package com.fmugateway.domain.checkout.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints of requests that open checkouts: the same request, asked again, reuses the pending
 * checkout instead of opening a second one. Run requests are normalized first (the resolved model
 * id, start values in name order, numbers by value), so spelling does not make them differ.
 */
final class Fingerprints {

  private static final char SEPARATOR = '\u001f';

  private Fingerprints() {}

  static String of(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) SEPARATOR);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
