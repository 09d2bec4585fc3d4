package com.fmugateway.domain.fmu.model;

import java.util.Arrays;
import java.util.Optional;

/** The FMI kinds of simulation an FMU can offer; scheduled execution is FMI 3.0 only. */
public enum FmuInterface {
  CO_SIMULATION("cs"),
  MODEL_EXCHANGE("me"),
  SCHEDULED_EXECUTION("se");

  private final String code;

  FmuInterface(String code) {
    this.code = code;
  }

  /** Short name used by the API: {@code cs}, {@code me} or {@code se}. */
  public String code() {
    return code;
  }

  public static Optional<FmuInterface> fromCode(String code) {
    return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
  }
}
