package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The co-simulation inner loop of an FMI 3.0 instance in C ({@code fmugw_fmi3_cs_steps} in {@code
 * src/main/c/native/fmugw_fmi3.c}, built into the engine's native library): {@code fmi3DoStep} and
 * {@code fmi3GetFloat64} for a chunk of communication points in one call. One by one through JNA
 * those two calls cost many times a simple FMU's step (BouncingBall3: about 0.9 µs a step, FMI
 * 2.0's BouncingBall stepped in C 0.08 µs). Where the library cannot be loaded, {@link #open} is
 * empty.
 */
public final class Fmi3NativeSteps {

  /** Why a chunk stopped early (the second element of its result): see {@link #steps}. */
  public static final int DO_STEP = 1;

  public static final int GET_FLOAT64 = 2;
  public static final int DEADLINE = 3;
  public static final int STEP_FLAGS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(Fmi3NativeSteps.class);
  private static final boolean AVAILABLE =
      FmugwLibrary.register(
          Fmi3NativeSteps.class,
          LOG,
          "the native FMI 3.0 co-simulation loop is not available here; stepping from Java");

  /** Native calls made in this process, for tests that must know which way a run stepped. */
  private static final AtomicLong CALLS = new AtomicLong();

  private final Fmi3CoSimulation instance;
  private final Pointer doStep;
  private final Pointer getFloat64;

  private Fmi3NativeSteps(Fmi3CoSimulation instance, Pointer doStep, Pointer getFloat64) {
    this.instance = instance;
    this.doStep = doStep;
    this.getFloat64 = getFloat64;
  }

  public static long calls() {
    return CALLS.get();
  }

  /** The loop for {@code instance}; empty when the library or the FMU's functions are missing. */
  public static Optional<Fmi3NativeSteps> open(Fmi3CoSimulation instance) {
    if (!AVAILABLE) {
      return Optional.empty();
    }
    try {
      Fmi3Fmu fmu = instance.fmu();
      return Optional.of(
          new Fmi3NativeSteps(
              instance,
              fmu.nativeLibrary().getFunction("fmi3DoStep"),
              fmu.nativeLibrary().getFunction("fmi3GetFloat64")));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }

  /**
   * Points {@code 0..n-1}: a step of {@code step[i]} from {@code time[i]} (none when negative),
   * then the Float64 variables {@code vrs}, {@code nvalues} values in all (arrays count element by
   * element), into {@code values[i * nvalues ...]}. Stops at a status other than OK or Warning
   * ({@link #DO_STEP}, {@link #GET_FLOAT64}), after a step that asks for event handling or to
   * terminate ({@link #STEP_FLAGS}: that step done, its outputs not read), or before a step once
   * {@link System#nanoTime()} passes {@code deadline} ({@link #DEADLINE}).
   *
   * @param result gets the status that stopped the chunk, why (0 if nothing did), and the stopping
   *     step's eventHandlingNeeded and terminateSimulation (1 for true)
   * @return the points completed
   */
  public int steps(
      double[] time,
      double[] step,
      int n,
      int[] vrs,
      int nvalues,
      double[] values,
      long deadline,
      int[] result) {
    CALLS.incrementAndGet();
    try {
      return fmugw_fmi3_cs_steps(
          doStep,
          getFloat64,
          instance.handle(),
          time,
          step,
          n,
          vrs,
          vrs.length,
          nvalues,
          values,
          deadline,
          result);
    } finally {
      Reference.reachabilityFence(instance); // its callbacks live as long as it does
    }
  }

  /**
   * The status a chunk stopped at, as the instance's own call would have taken it: an {@link
   * Fmi3Exception} for an error, the instance's {@link Fmi3Instance#lastStatus()} otherwise.
   */
  public Fmi3Status take(String function, int status) {
    return instance.check(function, status);
  }

  private static native int fmugw_fmi3_cs_steps(
      Pointer doStep,
      Pointer getFloat64,
      Pointer instance,
      double[] time,
      double[] step,
      int n,
      int[] vrs,
      int nvr,
      int nvalues,
      double[] values,
      long deadline,
      int[] result);
}
