package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.fmi3.FmugwLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JNI entry points of our native library ({@code src/main/c/native/fmugw_fmi2_jni.c}), for
 * calls made once per derivative evaluation or step ({@link NativeModelExchange}): JNA's generic
 * dispatch, fine for a call that steps through hundreds of points, cost about half a microsecond
 * per call, ten times a simple model's evaluation. The library is loaded for JNI by {@link
 * FmugwLibrary#loadedForJni}.
 */
final class Fmi2Jni {

  private static final Logger LOG = LoggerFactory.getLogger(Fmi2Jni.class);
  private static final boolean AVAILABLE = load();

  private Fmi2Jni() {}

  /** Whether the library and its JNI entry points loaded in this process. */
  static boolean available() {
    return AVAILABLE;
  }

  private static boolean load() {
    try {
      return FmugwLibrary.loadedForJni() && version() == 2;
    } catch (UnsatisfiedLinkError e) {
      LOG.info("model exchange calls go through FMI4j here: {}", e.toString());
      return false;
    }
  }

  private static native int version();

  /**
   * {@code fmugw_fmi2_me_place}: the FMU at time {@code t} and its {@code n} states {@code x} (none
   * set when 0). The function pointers and the component are native addresses.
   *
   * @return 0; or the call that failed (1 fmi2SetTime, 2 fmi2SetContinuousStates) plus 16 times its
   *     status; -1 when out of native memory
   */
  static native int place(
      long setTime, long setStates, long component, double t, double[] x, int n);

  /**
   * {@code fmugw_fmi2_me_derivatives}: the FMU at time {@code t} and states {@code x} (when {@code
   * place}), then its {@code n} derivatives into {@code dx} (left alone on failure). The function
   * pointers and the component are native addresses.
   *
   * @return 0; or the call that failed (1 fmi2SetTime, 2 fmi2SetContinuousStates, 3
   *     fmi2GetDerivatives) plus 16 times its status; -1 when out of native memory
   */
  static native int derivatives(
      long setTime,
      long setStates,
      long getDerivatives,
      long component,
      boolean place,
      double t,
      double[] x,
      double[] dx,
      int n);

  /**
   * {@code fmugw_fmi2_me_indicators}: as {@link #derivatives}, then the {@code nz} event indicators
   * into {@code z}; {@code n} states are set (none when 0).
   *
   * @return as {@link #derivatives}, 4 standing for fmi2GetEventIndicators
   */
  static native int indicators(
      long setTime,
      long setStates,
      long getIndicators,
      long component,
      boolean place,
      double t,
      double[] x,
      int n,
      double[] z,
      int nz);

  /**
   * {@code fmugw_fmi2_me_reals}: as {@link #indicators}, then the {@code nvr} real variables {@code
   * vr} into {@code values}: an output sample.
   *
   * @return as {@link #derivatives}, 5 standing for fmi2GetReal
   */
  static native int reals(
      long setTime,
      long setStates,
      long getReal,
      long component,
      boolean place,
      double t,
      double[] x,
      int n,
      int[] vr,
      double[] values,
      int nvr);

  /**
   * {@code fmugw_fmi2_me_jacobian}: the Jacobian of the FMU's {@code n} derivatives ({@code
   * unknowns}) by its {@code n} states ({@code knowns}) where it stands, row by row into {@code
   * jacobian} ({@code n * n} values; left alone on failure), one {@code
   * fmi2GetDirectionalDerivative} per column.
   *
   * @return 0; or 6 (fmi2GetDirectionalDerivative) plus 16 times its status; -1 when out of native
   *     memory
   */
  static native int jacobian(
      long getDirectionalDerivative,
      long component,
      int[] unknowns,
      int[] knowns,
      int n,
      double[] jacobian);

  /**
   * {@code fmi2CompletedIntegratorStep} with noSetFMUStatePriorToCurrentPoint true.
   *
   * @return its status, plus 16 if it asks for event mode and 32 if it asks to terminate
   */
  static native int completedIntegratorStep(long completedIntegratorStep, long component);
}
