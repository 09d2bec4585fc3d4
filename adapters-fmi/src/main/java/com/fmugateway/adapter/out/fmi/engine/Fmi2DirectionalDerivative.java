package com.fmugateway.adapter.out.fmi.engine;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import no.ntnu.ihb.fmi4j.FmiStatus;
import no.ntnu.ihb.fmi4j.importer.fmi2.Fmu;
import no.ntnu.ihb.fmi4j.importer.fmi2.ModelExchangeInstance;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.Fmi2LibraryWrapper;

/**
 * {@code fmi2GetDirectionalDerivative} of an FMI4j model-exchange instance, called through JNA.
 * FMI4j 0.38 has the call, but its JNI glue hands the FMU the value references as 64-bit longs
 * where {@code fmi2ValueReference} is 32 bits (and takes nKnown from the unknowns), so a list of
 * more than one reference arrives garbled. Opening the same file again returns the handle FMI4j
 * already holds (one copy of the code and its globals), so the component FMI4j instantiated is
 * valid here; closing drops only our reference.
 */
final class Fmi2DirectionalDerivative implements AutoCloseable {

  // RTLD_NOW | RTLD_LOCAL, as for FMI 3.0: JNA's default RTLD_GLOBAL would let this FMU's symbols
  // stand in for those of FMUs loaded after it in the same process.
  private static final int OPEN_FLAGS = 2;

  private final NativeLibrary library;
  private final Function function;
  private final Pointer component;
  private final DirectionalJacobian jacobian;
  private final Object[] arguments = new Object[7];

  private Fmi2DirectionalDerivative(
      NativeLibrary library, Pointer component, DirectionalJacobian jacobian) {
    this.library = library;
    this.function = library.getFunction("fmi2GetDirectionalDerivative");
    this.component = component;
    this.jacobian = jacobian;
  }

  /**
   * The call for {@code instance} of {@code fmu}'s model-exchange binary; empty when FMI4j hides
   * the instance's component pointer (another FMI4j version), so the caller differences instead.
   */
  static Optional<Fmi2DirectionalDerivative> open(
      Fmu fmu,
      String modelIdentifier,
      ModelExchangeInstance instance,
      DirectionalJacobian jacobian) {
    Optional<Pointer> component = component(instance);
    if (component.isEmpty()) {
      return Optional.empty();
    }
    String binary = fmu.getAbsoluteLibraryPath(modelIdentifier).getAbsolutePath();
    NativeLibrary library;
    try {
      library = NativeLibrary.getInstance(binary, Map.of(Library.OPTION_OPEN_FLAGS, OPEN_FLAGS));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Fmi2DirectionalDerivative(library, component.get(), jacobian));
    } catch (UnsatisfiedLinkError e) {
      // The description promises the function, the binary does not export it: difference.
      library.close();
      return Optional.empty();
    }
  }

  /** ∂ẋ/∂x at the instance's current point into {@code into}, one call per column. */
  void assemble(double[][] into, double time) {
    jacobian.assemble(
        (seed, sensitivity) ->
            FmiCalls.check(compute(seed, sensitivity), "fmi2GetDirectionalDerivative", time),
        into);
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

  @Override
  public void close() {
    library.close();
  }

  private static Optional<Pointer> component(ModelExchangeInstance instance) {
    try {
      Method getC = Fmi2LibraryWrapper.class.getDeclaredMethod("getC");
      getC.setAccessible(true);
      long address = (long) getC.invoke(instance.getWrapper());
      return address == 0 ? Optional.empty() : Optional.of(new Pointer(address));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
