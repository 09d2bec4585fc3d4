package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.fmi3.FmugwLibrary;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The co-simulation inner loop of an FMI 2.0 FMU in C ({@code src/main/c/native/fmugw_fmi2.c}):
 * {@code fmi2DoStep} and {@code fmi2GetReal} for a chunk of communication points in one call, on
 * the component FMI4j instantiated. One by one through FMI4j's JNI glue, those two calls cost
 * several times the work of a simple FMU (BouncingBall: about half the engine's run).
 *
 * <p>The library is built into this module's jar for x86_64 Linux and loaded by JNA on first use;
 * where it cannot be, {@link #open} is empty and the engine steps from Java. The FMU's functions
 * come from its binary as {@link Fmi2Copy} holds it open.
 */
final class NativeCoSimulation {

  /** Why a chunk stopped early: {@link #DO_STEP}, {@link #GET_REAL} or {@link #DEADLINE}. */
  static final int DO_STEP = 1;

  static final int GET_REAL = 2;
  static final int DEADLINE = 3;

  private static final Logger LOG = LoggerFactory.getLogger(NativeCoSimulation.class);

  private static final boolean AVAILABLE =
      FmugwLibrary.register(
          NativeCoSimulation.class,
          LOG,
          "the native co-simulation loop is not available here; stepping from Java");

  /** Native calls made in this process, for tests that must know which way a run stepped. */
  private static final AtomicLong CALLS = new AtomicLong();

  private final Pointer doStep;
  private final Pointer getReal;
  private final Pointer component;

  private NativeCoSimulation(NativeLibrary library, Pointer component) {
    this.doStep = library.getFunction("fmi2DoStep");
    this.getReal = library.getFunction("fmi2GetReal");
    this.component = component;
  }

  static long calls() {
    return CALLS.get();
  }

  /** Whether the native loop loaded in this process. */
  static boolean available() {
    return AVAILABLE;
  }

  /**
   * The loop for {@code instance}, whose FMU's co-simulation binary is {@code library} (see {@link
   * Fmi2Copy}); empty when the loop or the FMU's functions are missing.
   */
  static Optional<NativeCoSimulation> open(
      NativeLibrary library, AbstractModelInstance<?, ?> instance) {
    if (!AVAILABLE) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new NativeCoSimulation(library, new Pointer(Fmi4jInstances.component(instance))));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }

  /**
   * Points {@code 0..n-1}: a step of {@code step[i]} from {@code time[i]} (none when negative),
   * then the reals {@code vrs} into {@code values[i * vrs.length ...]}; stops at a status other
   * than OK or Warning, or before a step once {@link System#nanoTime()} passes {@code deadline}.
   *
   * @param result gets the status that stopped the chunk and why ({@link #DO_STEP}, ...), 0 if none
   * @return the points completed
   */
  int steps(
      double[] time,
      double[] step,
      int n,
      int[] vrs,
      double[] values,
      long deadline,
      int[] result) {
    CALLS.incrementAndGet();
    return fmugw_fmi2_cs_steps(
        doStep, getReal, component, time, step, n, vrs, vrs.length, values, deadline, result);
  }

  private static native int fmugw_fmi2_cs_steps(
      Pointer doStep,
      Pointer getReal,
      Pointer component,
      double[] time,
      double[] step,
      int n,
      int[] vrs,
      int nvr,
      double[] values,
      long deadline,
      int[] result);
}
