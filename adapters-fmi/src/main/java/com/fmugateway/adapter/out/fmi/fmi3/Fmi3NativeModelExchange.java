package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model-exchange instance placed and read in one native call ({@code fmugw_fmi3_me_values} and
 * {@code fmugw_fmi3_me_float64} in {@code src/main/c/native/fmugw_fmi3.c}, built into the engine's
 * native library): {@code fmi3SetTime}, {@code fmi3SetContinuousStates} and the derivatives, event
 * indicators or Float64 outputs there, where each is a JNA call of its own (StateSpace3 sampled
 * 2,001 times spent most of its run in those calls). Failures throw as the instance's own calls do:
 * an {@link Fmi3Exception} naming the call, for an error or a fatal status. Where the library
 * cannot be loaded, {@link #open} is empty.
 */
public final class Fmi3NativeModelExchange {

  private static final Logger LOG = LoggerFactory.getLogger(Fmi3NativeModelExchange.class);
  private static final boolean AVAILABLE =
      FmugwLibrary.register(
          Fmi3NativeModelExchange.class,
          LOG,
          "the native FMI 3.0 model exchange calls are not available here; calling from Java");

  /** Native calls made in this process, for tests that must know which way a run went. */
  private static final AtomicLong CALLS = new AtomicLong();

  // The calls the C functions name by number in their result (ME3_SET_TIME, ME3_SET_STATES); 3 is
  // the read, named by the caller.
  private static final String[] PLACING = {null, "fmi3SetTime", "fmi3SetContinuousStates"};
  private static final int GET = 3;

  private final Fmi3ModelExchange instance;
  private final Pointer setTime;
  private final Pointer setStates;
  private final Pointer getDerivatives;
  private final Pointer getIndicators;
  private final Pointer getFloat64;

  private Fmi3NativeModelExchange(Fmi3ModelExchange instance, NativeLibrary library) {
    this.instance = instance;
    this.setTime = library.getFunction("fmi3SetTime");
    this.setStates = library.getFunction("fmi3SetContinuousStates");
    this.getDerivatives = library.getFunction("fmi3GetContinuousStateDerivatives");
    this.getIndicators = library.getFunction("fmi3GetEventIndicators");
    this.getFloat64 = library.getFunction("fmi3GetFloat64");
  }

  public static long calls() {
    return CALLS.get();
  }

  /** The calls for {@code instance}; empty when the library or the FMU's functions are missing. */
  public static Optional<Fmi3NativeModelExchange> open(Fmi3ModelExchange instance) {
    if (!AVAILABLE) {
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
    values(Pointer.NULL, null, t, x, states, null);
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
          fmugw_fmi3_me_float64(
              setTime,
              setStates,
              getFloat64,
              instance.handle(),
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

  private void values(
      Pointer get, String getName, double t, double[] x, int states, double[] into) {
    CALLS.incrementAndGet();
    try {
      check(
          fmugw_fmi3_me_values(
              setTime,
              setStates,
              get,
              instance.handle(),
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

  private void check(int failed, String getName) {
    if (failed != 0) {
      int call = failed % 16;
      instance.check(call == GET ? getName : PLACING[call], failed / 16);
    }
  }

  private static native int fmugw_fmi3_me_values(
      Pointer setTime,
      Pointer setStates,
      Pointer get,
      Pointer instance,
      double t,
      double[] x,
      int n,
      double[] into,
      int m);

  private static native int fmugw_fmi3_me_float64(
      Pointer setTime,
      Pointer setStates,
      Pointer getFloat64,
      Pointer instance,
      double t,
      double[] x,
      int n,
      int[] vrs,
      int nvr,
      double[] values,
      int nvalues);
}
