package com.fmugateway.adapter.out.fmi.engine;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import no.ntnu.ihb.fmi4j.FmiStatus;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;

/**
 * Model exchange's most frequent FMI 2.0 calls in C ({@code src/main/c/native/fmugw_fmi2.c},
 * through {@link Fmi2Jni}), on the component of an instance: a derivative evaluation ({@code
 * fmi2SetTime}, {@code fmi2SetContinuousStates}, {@code fmi2GetDerivatives}) in one call, the FMU
 * placed at a step's end in one, and {@code fmi2CompletedIntegratorStep} answering in two bits.
 * Through FMI4j's JNI glue those were three calls per evaluation and a Java object built by JNI per
 * step: with VanDerPol, about 40% of the engine's run, where the FMU's own work is a few percent.
 *
 * <p>Where the library or its JNI entry points cannot be loaded, {@link #open} is empty and the
 * calls go through FMI4j.
 */
final class NativeModelExchange {

  /** Native calls made in this process, for tests that must know which way a run went. */
  private static final AtomicLong CALLS = new AtomicLong();

  private static final String[] CALLS_BY_CODE = {
    "",
    "fmi2SetTime",
    "fmi2SetContinuousStates",
    "fmi2GetDerivatives",
    "fmi2GetEventIndicators",
    "fmi2GetReal",
    "fmi2GetDirectionalDerivative"
  };

  private final long setTime;
  private final long setStates;
  private final long getDerivatives;
  private final long getIndicators;
  private final long getReal;
  private final long completedIntegratorStep;
  private final long component;

  private NativeModelExchange(NativeLibrary library, long component) {
    this.setTime = address(library, "fmi2SetTime");
    this.setStates = address(library, "fmi2SetContinuousStates");
    this.getDerivatives = address(library, "fmi2GetDerivatives");
    this.getIndicators = address(library, "fmi2GetEventIndicators");
    this.getReal = address(library, "fmi2GetReal");
    this.completedIntegratorStep = address(library, "fmi2CompletedIntegratorStep");
    this.component = component;
  }

  static long calls() {
    return CALLS.get();
  }

  /**
   * The calls for {@code instance}, whose FMU's model-exchange binary is {@code library} (see
   * {@link Fmi2Copy}); empty when our library or the FMU's functions are missing.
   */
  static Optional<NativeModelExchange> open(
      NativeLibrary library, AbstractModelInstance<?, ?> instance) {
    if (!Fmi2Jni.available()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new NativeModelExchange(library, Fmi4jInstances.component(instance)));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }

  /**
   * The FMU at time {@code t} and its {@code states} states {@code x}.
   *
   * @throws FmuCallFailedException naming the call that failed, at {@code t}
   */
  void place(double t, double[] x, int states) {
    CALLS.incrementAndGet();
    check(Fmi2Jni.place(setTime, setStates, component, t, x, states), t, states);
  }

  /**
   * The FMU's {@code derivatives} at time {@code t} and states {@code x}; with {@code x} null,
   * where it stands.
   *
   * @throws FmuCallFailedException naming the call that failed, at {@code t}
   */
  void derivatives(double t, double[] x, double[] derivatives) {
    CALLS.incrementAndGet();
    int failed =
        Fmi2Jni.derivatives(
            setTime,
            setStates,
            getDerivatives,
            component,
            x != null,
            t,
            x,
            derivatives,
            derivatives.length);
    check(failed, t, derivatives.length);
  }

  /**
   * The FMU's event {@code indicators} at time {@code t} and its {@code states} states {@code x};
   * with {@code x} null, where it stands.
   *
   * @throws FmuCallFailedException naming the call that failed, at {@code t}
   */
  void indicators(double t, double[] x, int states, double[] indicators) {
    CALLS.incrementAndGet();
    int failed =
        Fmi2Jni.indicators(
            setTime,
            setStates,
            getIndicators,
            component,
            x != null,
            t,
            x,
            states,
            indicators,
            indicators.length);
    check(failed, t, Math.max(states, indicators.length));
  }

  /**
   * The real variables {@code vrs} into {@code values} at time {@code t} and the FMU's {@code
   * states} states {@code x}; with {@code x} null, where it stands.
   *
   * @throws FmuCallFailedException naming the call that failed, at {@code t}
   */
  void reals(double t, double[] x, int states, int[] vrs, double[] values) {
    CALLS.incrementAndGet();
    int failed =
        Fmi2Jni.reals(
            setTime,
            setStates,
            getReal,
            component,
            x != null,
            t,
            x,
            states,
            vrs,
            values,
            vrs.length);
    check(failed, t, Math.max(states, vrs.length));
  }

  /**
   * What a call into {@code fmugw_fmi2_me_*} returned ({@code failed}), at time {@code t}, for
   * {@code values} values.
   *
   * @throws FmuCallFailedException naming the call that failed, at {@code t}
   * @throws OutOfMemoryError when the native side had no memory for the values
   */
  static void check(int failed, double t, int values) {
    if (failed == -1) {
      throw new OutOfMemoryError("no native memory for " + values + " values");
    }
    if (failed != 0) {
      throw new FmuCallFailedException(
          CALLS_BY_CODE[failed & 15], t, FmiStatus.valueOf(failed >> 4));
    }
  }

  /**
   * {@code fmi2CompletedIntegratorStep} at the FMU's time {@code time}.
   *
   * @throws FmuCallFailedException when the FMU answers neither OK nor Warning
   */
  MeModel.StepOutcome completedIntegratorStep(double time) {
    CALLS.incrementAndGet();
    int answer = Fmi2Jni.completedIntegratorStep(completedIntegratorStep, component);
    int status = answer & 15;
    if (status != FmiStatus.OK.getCode() && status != FmiStatus.Warning.getCode()) {
      // FMI4j's FmiStatus.valueOf copies the enum's values at every call: only on failure here.
      throw new FmuCallFailedException(
          "fmi2CompletedIntegratorStep", time, FmiStatus.valueOf(status));
    }
    if ((answer & 32) != 0) {
      return MeModel.StepOutcome.TERMINATE;
    }
    return (answer & 16) != 0 ? MeModel.StepOutcome.ENTER_EVENT_MODE : MeModel.StepOutcome.CONTINUE;
  }

  private static long address(NativeLibrary library, String function) {
    return Pointer.nativeValue(library.getFunction(function));
  }
}
