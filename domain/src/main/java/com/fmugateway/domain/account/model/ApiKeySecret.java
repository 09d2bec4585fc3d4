package com.fmugateway.domain.account.model;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The plaintext of an API key. It exists only between generation and the response that shows it
 * once; {@link #toString()} never reveals it, so it cannot leak into a log by accident.
 */
public final class ApiKeySecret {

  /** Recognisable prefix, so leaked keys are easy to spot by secret scanners. */
  public static final String PREFIX = "fmugw_";

  private static final int RANDOM_BYTES = 32;
  private static final int DISPLAY_PREFIX_LENGTH = PREFIX.length() + 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private ApiKeySecret(String value) {
    this.value = value;
  }

  public static ApiKeySecret generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return new ApiKeySecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Wraps a key a caller presented; no format check, since a wrong key simply matches nothing. */
  public static ApiKeySecret of(String presented) {
    return new ApiKeySecret(Objects.requireNonNull(presented, "presented"));
  }

  public String reveal() {
    return value;
  }

  /** The first characters of the key, shown in listings so a user can tell keys apart. */
  public String displayPrefix() {
    return value.substring(0, Math.min(value.length(), DISPLAY_PREFIX_LENGTH));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKeySecret that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return displayPrefix() + "…";
  }
}
