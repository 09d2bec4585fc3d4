package com.fmugateway.domain.fmu.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** SHA-256 of an FMU archive, lower-case hex: the content address of its bytes. */
public record Sha256(String hex) {

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Sha256 {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: " + hex);
    }
  }

  @Override
  public String toString() {
    return hex;
  }
}
