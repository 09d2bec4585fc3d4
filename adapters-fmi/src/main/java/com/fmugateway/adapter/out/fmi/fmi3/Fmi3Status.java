package com.fmugateway.adapter.out.fmi.fmi3;

/** The fmi3Status an FMI 3.0 call returned, in the C enum's order. */
public enum Fmi3Status {
  OK,
  WARNING,
  DISCARD,
  ERROR,
  FATAL;

  private static final Fmi3Status[] CODES = values();

  /** The status for a C return code; codes outside the enum count as fatal, not as success. */
  public static Fmi3Status of(int code) {
    return code >= 0 && code < CODES.length ? CODES[code] : FATAL;
  }

  /** Error or fatal: the call failed and the instance is unusable (FATAL: for good). */
  public boolean failed() {
    return this == ERROR || this == FATAL;
  }
}
