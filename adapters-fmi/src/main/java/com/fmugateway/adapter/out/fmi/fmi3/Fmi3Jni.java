package com.fmugateway.adapter.out.fmi.fmi3;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FMI 3.0 JNI entry points of the engine's native library ({@code
 * src/main/c/native/fmugw_fmi3_jni.c}), for {@link Fmi3NativeModelExchange}'s calls, made once per
 * derivative evaluation, output sample, Jacobian or step: JNA's dispatch, even direct-mapped, cost
 * about half the run of a stiff model (Robertson3) whose own work is a few arithmetic operations.
 * Function pointers and the instance are native addresses; each function returns as its namesake in
 * {@code fmugw_fmi3.c} does, or -1 when out of native memory.
 */
final class Fmi3Jni {

  private static final Logger LOG = LoggerFactory.getLogger(Fmi3Jni.class);
  private static final boolean AVAILABLE = load();

  private Fmi3Jni() {}

  /** Whether the library and these entry points loaded in this process. */
  static boolean available() {
    return AVAILABLE;
  }

  private static boolean load() {
    try {
      return FmugwLibrary.loadedForJni() && version() == 3;
    } catch (UnsatisfiedLinkError e) {
      LOG.info("FMI 3.0 model exchange calls go through JNA here: {}", e.toString());
      return false;
    }
  }

  private static native int version();

  /**
   * {@code fmugw_fmi3_me_values}: the FMU at {@code t} and its {@code n} states {@code x} (unless
   * {@code x} is null), then unless {@code get} is 0 its derivatives or event indicators into
   * {@code into} ({@code m} values).
   */
  static native int meValues(
      long setTime,
      long setStates,
      long get,
      long instance,
      double t,
      double[] x,
      int n,
      double[] into,
      int m);

  /**
   * {@code fmugw_fmi3_me_float64}: placed as by {@link #meValues}, then the Float64 variables
   * {@code vrs} ({@code nvr}, none read when 0) into {@code values} ({@code nvalues}).
   */
  static native int meFloat64(
      long setTime,
      long setStates,
      long getFloat64,
      long instance,
      double t,
      double[] x,
      int n,
      int[] vrs,
      int nvr,
      double[] values,
      int nvalues);

  /**
   * {@code fmugw_fmi3_me_jacobian}: the Jacobian of the {@code unknowns}' {@code n} elements by the
   * {@code knowns}' {@code n} elements where the FMU stands, row by row into {@code jacobian}.
   */
  static native int meJacobian(
      long getDirectionalDerivative,
      long instance,
      int[] unknowns,
      int[] knowns,
      int n,
      double[] jacobian);

  /**
   * {@code fmi3CompletedIntegratorStep} with noSetFMUStatePriorToCurrentPoint true: its status,
   * plus 16 if it asks for event mode and 32 if it asks to terminate.
   */
  static native int completedIntegratorStep(long completedIntegratorStep, long instance);
}
