package com.fmugateway.adapter.out.fmi.engine;

import no.ntnu.ihb.fmi4j.FmiStatus;

/** An FMI function returned an error status; the engine adds the FMU log and reports it. */
final class FmuCallFailedException extends RuntimeException {

  FmuCallFailedException(String call, double time, FmiStatus status) {
    super(describe(status) + " in " + call + " at t=" + Times.format(time));
  }

  private static String describe(FmiStatus status) {
    return switch (status) {
      case Fatal -> "the FMU reported a fatal error";
      case Discard -> "the FMU discarded the call";
      case Pending -> "the FMU answered pending, which only asynchronous co-simulation may do,";
      default -> "the FMU reported an error";
    };
  }
}
