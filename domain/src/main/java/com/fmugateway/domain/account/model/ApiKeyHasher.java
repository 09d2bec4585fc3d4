package com.fmugateway.domain.account.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 of API keys under a server secret. A database dump without the secret lets nobody
 * recover or brute-force a key, and lookups stay a single indexed equality match.
 */
public final class ApiKeyHasher {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_SECRET_BYTES = 32;

  private final SecretKeySpec key;

  public ApiKeyHasher(byte[] serverSecret) {
    if (serverSecret == null || serverSecret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the API key secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(serverSecret.clone(), ALGORITHM);
  }

  public ApiKeyHash hash(ApiKeySecret secret) {
    return new ApiKeyHash(HexFormat.of().formatHex(mac(secret.reveal())));
  }

  /**
   * A check value of the server secret (the HMAC of a fixed label): equal for equal secrets, and
   * telling nothing about the secret. Stored once, it catches a gateway started with another one.
   */
  public String fingerprint() {
    return HexFormat.of().formatHex(mac("fmugw:api-key-secret-check:v1"));
  }

  /** HMAC-SHA-256 of {@code message} under the server secret, for other values it must key. */
  public byte[] mac(String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
