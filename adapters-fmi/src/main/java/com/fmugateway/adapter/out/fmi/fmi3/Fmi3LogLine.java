package com.fmugateway.adapter.out.fmi.fmi3;

/** One message an FMI 3.0 FMU sent through its logMessage callback. */
public record Fmi3LogLine(Fmi3Status status, String category, String message) {

  @Override
  public String toString() {
    return "[" + status + "][" + category + "] " + message;
  }
}
