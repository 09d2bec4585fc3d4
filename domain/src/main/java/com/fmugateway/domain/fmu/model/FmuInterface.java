package com.fmugateway.domain.fmu.model;

import java.util.Arrays;
import java.util.Optional;

/** The two FMI kinds of simulation an FMU can offer. */
public enum FmuInterface {
  CO_SIMULATION("cs"),
  MODEL_EXCHANGE("me");

  private final String code;

  FmuInterface(String code) {
    this.code = code;
  }

  /** Short name used by the API: {@code cs} or {@code me}. */
  public String code() {
    return code;
  }

  public static Optional<FmuInterface> fromCode(String code) {
    return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
  }
}
