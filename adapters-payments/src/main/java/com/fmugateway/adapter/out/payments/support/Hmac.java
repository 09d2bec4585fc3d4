package com.fmugateway.adapter.out.payments.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 in lower-case hex, and its comparison in constant time, for webhook signatures. */
public final class Hmac {

  private Hmac() {}

  public static String sha256Hex(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  /** Whether two hex signatures are equal, in time independent of where they differ. */
  public static boolean sameHex(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    // Lower-case both so that an upper-case hex signature is not refused for its spelling.
    return MessageDigest.isEqual(
        expected.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
        actual.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
