package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.Fmi2LibraryWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating and freeing FMI4j instances, with the checks FMI4j leaves out. */
final class Fmi4jInstances {

  private static final Logger LOG = LoggerFactory.getLogger(Fmi4jInstances.class);

  private Fmi4jInstances() {}

  /**
   * Instantiates through FMI4j (loading the FMU's binary on first use) and makes sure the FMU
   * returned a component: FMI4j 0.38 keeps a NULL from {@code fmi2Instantiate} and passes it to
   * every later call, which crashes most FMUs.
   */
  static <I extends AbstractModelInstance<?, ?>> I instantiate(Supplier<I> newInstance) {
    I instance;
    try {
      instance = newInstance.get();
    } catch (RuntimeException | LinkageError e) {
      throw modelError("the FMU could not be loaded: " + e.getMessage());
    }
    if (component(instance) == 0) {
      throw modelError("the FMU refused to instantiate (fmi2Instantiate returned NULL)");
    }
    return instance;
  }

  /**
   * Closes an instance (terminate and free) or an FMU (unload its binary, delete its folder); a
   * failure here must not hide the run's own outcome.
   */
  static void close(Closeable fmi4jObject) {
    try {
      fmi4jObject.close();
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing {} failed", fmi4jObject, e);
    }
  }

  private static SimulationFailedException modelError(String message) {
    return new SimulationFailedException(Cause.MODEL_ERROR, message, List.of());
  }

  /** The FMU's component pointer behind an FMI4j instance. */
  static long component(AbstractModelInstance<?, ?> instance) {
    try {
      Method getC = Fmi2LibraryWrapper.class.getDeclaredMethod("getC");
      getC.setAccessible(true);
      return (long) getC.invoke(instance.getWrapper());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this FMI4j version hides the FMU component pointer", e);
    }
  }
}
