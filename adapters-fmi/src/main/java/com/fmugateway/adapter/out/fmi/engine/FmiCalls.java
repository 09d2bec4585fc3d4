package com.fmugateway.adapter.out.fmi.engine;

import no.ntnu.ihb.fmi4j.FmiStatus;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;

/** Turns the status of an FMI call into an exception when the run cannot go on. */
final class FmiCalls {

  private FmiCalls() {}

  /** OK and Warning let the run continue; NONE is what FMI4j reports before any call. */
  static void check(FmiStatus status, String call, double time) {
    if (status != FmiStatus.OK && status != FmiStatus.Warning && status != FmiStatus.NONE) {
      throw new FmuCallFailedException(call, time, status);
    }
  }

  /**
   * For FMI4j methods that answer a boolean: they return false on Warning too, and on refusals of
   * their own that never reach the FMU, so the FMU's real answer is the instance's last status.
   */
  static void check(
      boolean succeeded, AbstractModelInstance<?, ?> instance, String call, double t) {
    if (!succeeded) {
      FmiStatus status = instance.getLastStatus();
      check(status, call, t);
      if (status != FmiStatus.Warning) {
        throw new IllegalStateException("FMI4j refused " + call + " at t=" + Times.format(t));
      }
    }
  }
}
