package com.fmugateway.adapter.out.fmi.fmi3;

import java.util.List;

/** An FMI 3.0 call returned fmi3Error or fmi3Fatal; carries what the FMU logged before that. */
public final class Fmi3Exception extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String function;
  private final Fmi3Status status;
  private final transient List<Fmi3LogLine> log;

  public Fmi3Exception(String function, Fmi3Status status, List<Fmi3LogLine> log) {
    super(message(function, status, log));
    this.function = function;
    this.status = status;
    this.log = List.copyOf(log);
  }

  private static String message(String function, Fmi3Status status, List<Fmi3LogLine> log) {
    String text = function + " returned " + status;
    // The FMU's last words are usually the reason, so they go where people look first.
    return log.isEmpty() ? text : text + ": " + log.get(log.size() - 1).message();
  }

  /** The C function that failed, e.g. {@code fmi3DoStep}. */
  public String function() {
    return function;
  }

  public Fmi3Status status() {
    return status;
  }

  /** The FMU's most recent log lines, oldest first, the last one usually saying why. */
  public List<Fmi3LogLine> log() {
    return log;
  }
}
