package com.fmugateway.adapter.out.fmi.engine;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import no.ntnu.ihb.fmi4j.FmiStatus;
import no.ntnu.ihb.fmi4j.importer.fmi2.ModelExchangeInstance;

/**
 * {@code fmi2GetDirectionalDerivative} of an FMI4j model-exchange instance: the whole Jacobian in
 * one call into our native library ({@link Fmi2Jni#jacobian}) where the engine runs native code,
 * else column by column through JNA, whose generic dispatch allocates for every call (the arrays'
 * native copies, the boxed counts). FMI4j 0.38 has the call, but its JNI glue hands the FMU the
 * value references as 64-bit longs where {@code fmi2ValueReference} is 32 bits (and takes nKnown
 * from the unknowns), so a list of more than one reference arrives garbled. The binary comes from
 * {@link Fmi2Copy}, which holds the handle FMI4j holds (one copy of the code and its globals), so
 * the component FMI4j instantiated is valid here.
 */
final class Fmi2DirectionalDerivative {

  /** Jacobians computed in C in this process, for tests that must know which way a run went. */
  private static final AtomicLong NATIVE_CALLS = new AtomicLong();

  private final Function function;
  private final Pointer component;
  private final DirectionalJacobian jacobian;
  private final Object[] arguments = new Object[7];
  private final boolean inC; // the whole Jacobian in one native call; else column by column

  private Fmi2DirectionalDerivative(
      NativeLibrary library, Pointer component, DirectionalJacobian jacobian, boolean nativeCode) {
    this.function = library.getFunction("fmi2GetDirectionalDerivative");
    this.component = component;
    this.jacobian = jacobian;
    this.inC = nativeCode && Fmi2Jni.available();
  }

  /**
   * The call for {@code instance} of the copy's model-exchange binary, through our native library
   * when {@code nativeCode} and it is loaded; empty when the binary cannot be opened or lacks the
   * function, so the caller differences instead.
   */
  static Optional<Fmi2DirectionalDerivative> open(
      Fmi2Copy copy,
      String modelIdentifier,
      ModelExchangeInstance instance,
      DirectionalJacobian jacobian,
      boolean nativeCode) {
    Pointer component = new Pointer(Fmi4jInstances.component(instance));
    Optional<NativeLibrary> library = copy.binary(modelIdentifier);
    try {
      return library.map(
          binary -> new Fmi2DirectionalDerivative(binary, component, jacobian, nativeCode));
    } catch (UnsatisfiedLinkError e) {
      // The description promises the function, the binary does not export it: difference.
      return Optional.empty();
    }
  }

  /**
   * ∂ẋ/∂x at the instance's current point into {@code into}, one FMU call per column.
   *
   * @throws FmuCallFailedException when one answers neither OK nor Warning
   */
  void assemble(double[][] into, double time) {
    if (inC) {
      assembleInC(into, time);
      return;
    }
    jacobian.assemble(
        (seed, sensitivity) ->
            FmiCalls.check(compute(seed, sensitivity), "fmi2GetDirectionalDerivative", time),
        into);
  }

  static long nativeCalls() {
    return NATIVE_CALLS.get();
  }

  private void assembleInC(double[][] into, double time) {
    NATIVE_CALLS.incrementAndGet();
    int n = into.length;
    int failed =
        Fmi2Jni.jacobian(
            Pointer.nativeValue(function),
            Pointer.nativeValue(component),
            jacobian.derivatives(),
            jacobian.states(),
            n,
            jacobian.rows());
    NativeModelExchange.check(failed, time, n * n);
    jacobian.unpackRows(into);
  }

  private FmiStatus compute(double[] seed, double[] sensitivity) {
    arguments[0] = component;
    arguments[1] = jacobian.derivatives();
    arguments[2] = (long) jacobian.derivatives().length;
    arguments[3] = jacobian.states();
    arguments[4] = (long) jacobian.states().length;
    arguments[5] = seed;
    arguments[6] = sensitivity;
    return FmiStatus.valueOf(function.invokeInt(arguments));
  }
}
