package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model-exchange instance's most frequent calls in C ({@code fmugw_fmi3_me_*} in {@code
 * src/main/c/native/fmugw_fmi3.c}, through {@link Fmi3Jni}), as {@code NativeModelExchange} makes
 * FMI 2.0's: {@code fmi3SetTime}, {@code fmi3SetContinuousStates} and the derivatives, event
 * indicators or Float64 outputs there in one call; the Jacobian from {@code
 * fmi3GetDirectionalDerivative}, column by column, in one; {@code fmi3CompletedIntegratorStep}
 * answering in two bits. Each was a JNA call of its own (StateSpace3 sampled 2,001 times spent most
 * of its run in them; Robertson3 half of it). Failures throw as the instance's own calls do: an
 * {@link Fmi3Exception} naming the call, for an error or a fatal status. Where the library or its
 * JNI entry points cannot be loaded, {@link #open} is empty.
 */
public final class Fmi3NativeModelExchange {

  /** Native calls made in this process, for tests that must know which way a run went. */
  private static final AtomicLong CALLS = new AtomicLong();

  /** Of them, the Jacobians. */
  private static final AtomicLong JACOBIANS = new AtomicLong();

  // The calls the C functions name by number in their result (ME3_SET_TIME, ME3_SET_STATES); 3 is
  // the read, named by the caller.
  private static final String[] PLACING = {null, "fmi3SetTime", "fmi3SetContinuousStates"};
  private static final int GET = 3;

  // fmi3CompletedIntegratorStep's answers by their two bits, made once.
  private static final Fmi3ModelExchange.IntegratorStep[] STEPS = {
    new Fmi3ModelExchange.IntegratorStep(false, false),
    new Fmi3ModelExchange.IntegratorStep(true, false),
    new Fmi3ModelExchange.IntegratorStep(false, true),
    new Fmi3ModelExchange.IntegratorStep(true, true)
  };

  private final Fmi3ModelExchange instance;
  private final long setTime;
  private final long setStates;
  private final long getDerivatives;
  private final long getIndicators;
  private final long getFloat64;
  private final long completedIntegratorStep;
  private final long getDirectionalDerivative; // 0 where the binary lacks it

  private Fmi3NativeModelExchange(Fmi3ModelExchange instance, NativeLibrary library) {
    this.instance = instance;
    this.setTime = address(library, "fmi3SetTime");
    this.setStates = address(library, "fmi3SetContinuousStates");
    this.getDerivatives = address(library, "fmi3GetContinuousStateDerivatives");
    this.getIndicators = address(library, "fmi3GetEventIndicators");
    this.getFloat64 = address(library, "fmi3GetFloat64");
    this.completedIntegratorStep = address(library, "fmi3CompletedIntegratorStep");
    long directional;
    try {
      directional = address(library, "fmi3GetDirectionalDerivative");
    } catch (UnsatisfiedLinkError e) {
      directional = 0;
    }
    this.getDirectionalDerivative = directional;
  }

  public static long calls() {
    return CALLS.get();
  }

  public static long jacobians() {
    return JACOBIANS.get();
  }

  /** The calls for {@code instance}; empty when the library or the FMU's functions are missing. */
  public static Optional<Fmi3NativeModelExchange> open(Fmi3ModelExchange instance) {
    if (!Fmi3Jni.available()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Fmi3NativeModelExchange(instance, instance.fmu().nativeLibrary()));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }

  /**
   * The FMU at time {@code t} and its {@code states} states {@code x} (none set without states);
   * unless {@code x} is null: where it stands.
   */
  public void placeAt(double t, double[] x, int states) {
    values(0, null, t, x, states, null);
  }

  /** The derivatives at {@code t} and {@code x} (as {@link #placeAt}) into {@code into}. */
  public void derivativesAt(double t, double[] x, int states, double[] into) {
    values(getDerivatives, "fmi3GetContinuousStateDerivatives", t, x, states, into);
  }

  /** The event indicators at {@code t} and {@code x} (as {@link #placeAt}) into {@code into}. */
  public void indicatorsAt(double t, double[] x, int states, double[] into) {
    values(getIndicators, "fmi3GetEventIndicators", t, x, states, into);
  }

  /**
   * The Float64 variables {@code vrs} at {@code t} and {@code x} (as {@link #placeAt}) into {@code
   * into}, as many values as it holds.
   */
  public void float64At(double t, double[] x, int states, int[] vrs, double[] into) {
    CALLS.incrementAndGet();
    try {
      check(
          Fmi3Jni.meFloat64(
              setTime,
              setStates,
              getFloat64,
              handle(),
              t,
              x,
              states,
              vrs,
              vrs.length,
              into,
              into.length),
          "fmi3GetFloat64");
    } finally {
      Reference.reachabilityFence(instance); // its callbacks live as long as it does
    }
  }

  /**
   * Whether {@link #jacobian} can be asked: the binary has {@code fmi3GetDirectionalDerivative}.
   */
  public boolean computesJacobians() {
    return getDirectionalDerivative != 0;
  }

  /**
   * The Jacobian of the {@code unknowns}' {@code n} elements by the {@code knowns}' {@code n}
   * elements where the FMU stands, row by row into {@code rows} ({@code n * n} values): one {@code
   * fmi3GetDirectionalDerivative} per column.
   */
  public void jacobian(int[] unknowns, int[] knowns, int n, double[] rows) {
    CALLS.incrementAndGet();
    JACOBIANS.incrementAndGet();
    try {
      check(
          Fmi3Jni.meJacobian(getDirectionalDerivative, handle(), unknowns, knowns, n, rows),
          "fmi3GetDirectionalDerivative");
    } finally {
      Reference.reachabilityFence(instance);
    }
  }

  /** {@code fmi3CompletedIntegratorStep}, as {@link Fmi3ModelExchange#completedIntegratorStep}. */
  public Fmi3ModelExchange.IntegratorStep completedIntegratorStep() {
    CALLS.incrementAndGet();
    int answer;
    try {
      answer = Fmi3Jni.completedIntegratorStep(completedIntegratorStep, handle());
    } finally {
      Reference.reachabilityFence(instance);
    }
    instance.check("fmi3CompletedIntegratorStep", answer & 15);
    return STEPS[(answer >> 4) & 3];
  }

  private void values(long get, String getName, double t, double[] x, int states, double[] into) {
    CALLS.incrementAndGet();
    try {
      check(
          Fmi3Jni.meValues(
              setTime,
              setStates,
              get,
              handle(),
              t,
              x,
              states,
              into,
              into == null ? 0 : into.length),
          getName);
    } finally {
      Reference.reachabilityFence(instance); // its callbacks live as long as it does
    }
  }

  private long handle() {
    return Pointer.nativeValue(instance.handle());
  }

  private void check(int failed, String getName) {
    if (failed == -1) {
      throw new OutOfMemoryError("no native memory for the values of " + getName);
    }
    if (failed != 0) {
      int call = failed % 16;
      instance.check(call == GET ? getName : PLACING[call], failed / 16);
    }
  }

  private static long address(NativeLibrary library, String function) {
    return Pointer.nativeValue(library.getFunction(function));
  }
}
