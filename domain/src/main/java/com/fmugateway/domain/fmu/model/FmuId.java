package com.fmugateway.domain.fmu.model;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of an FMU as clients name it: {@code lib:<Name>} for the built-in library (the
 * prototype's {@code msl:<Name>} is accepted as an alias) or an opaque id for an upload.
 */
public record FmuId(String value) {

  public static final String LIBRARY_PREFIX = "lib:";
  private static final String LEGACY_LIBRARY_PREFIX = "msl:";

  public FmuId {
    Objects.requireNonNull(value, "value");
    if (value.startsWith(LEGACY_LIBRARY_PREFIX)) {
      value = LIBRARY_PREFIX + value.substring(LEGACY_LIBRARY_PREFIX.length());
    }
  }

  /** Longest id a client may send: library names and upload ids are far shorter. */
  public static final int MAX_LENGTH = 200;

  /**
   * Whether {@code value} could name an FMU at all: 1 to {@value #MAX_LENGTH} characters, not
   * blank, no control characters. Commands check it before anything is looked up or recorded.
   */
  public static boolean isWellFormed(String value) {
    return value != null
        && !value.isBlank()
        && value.length() <= MAX_LENGTH
        && value.chars().noneMatch(Character::isISOControl);
  }

  public static FmuId library(String modelName) {
    return new FmuId(LIBRARY_PREFIX + modelName);
  }

  public static FmuId newUpload() {
    return new FmuId(UUID.randomUUID().toString());
  }

  public boolean isLibrary() {
    return value.startsWith(LIBRARY_PREFIX);
  }

  /** The model name of a library id, e.g. {@code BouncingBall} for {@code lib:BouncingBall}. */
  public String libraryName() {
    if (!isLibrary()) {
      throw new IllegalStateException(value + " is not a library id");
    }
    return value.substring(LIBRARY_PREFIX.length());
  }

  @Override
  public String toString() {
    return value;
  }
}
