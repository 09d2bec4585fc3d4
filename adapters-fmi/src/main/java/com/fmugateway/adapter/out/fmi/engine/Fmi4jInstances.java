package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;
import no.ntnu.ihb.fmi4j.importer.fmi2.CoSimulationFmu;
import no.ntnu.ihb.fmi4j.importer.fmi2.CoSimulationSlave;
import no.ntnu.ihb.fmi4j.importer.fmi2.ModelExchangeFmu;
import no.ntnu.ihb.fmi4j.importer.fmi2.ModelExchangeInstance;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.CoSimulationLibraryWrapper;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.Fmi2CoSimulationLibrary;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.Fmi2LibraryWrapper;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.Fmi2ModelExchangeLibrary;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.ModelExchangeLibraryWrapper;
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
      throw refused();
    }
    return instance;
  }

  /** The failure of an {@code fmi2Instantiate} that returned NULL. */
  static SimulationFailedException refused() {
    return modelError("the FMU refused to instantiate (fmi2Instantiate returned NULL)");
  }

  /**
   * FMI4j's co-simulation library of {@code fmu}, loading the FMU's binary on first use, for {@link
   * #coSimulation}.
   */
  static Fmi2CoSimulationLibrary coSimulationLibrary(CoSimulationFmu fmu) {
    return (Fmi2CoSimulationLibrary) library(CoSimulationFmu.class, fmu);
  }

  /** As {@link #coSimulationLibrary}, for model exchange. */
  static Fmi2ModelExchangeLibrary modelExchangeLibrary(ModelExchangeFmu fmu) {
    return (Fmi2ModelExchangeLibrary) library(ModelExchangeFmu.class, fmu);
  }

  /**
   * FMI4j's instance around a {@code component} that we instantiated ourselves, so that its calls
   * reach it: what {@code CoSimulationFmu.newInstance} builds around its own instantiate call, but
   * not registered with the FMU, which keeps every instance it registers until it is closed.
   */
  static CoSimulationSlave coSimulation(
      CoSimulationFmu fmu, Fmi2CoSimulationLibrary library, long component, String name) {
    return new CoSimulationSlave(
        name, new CoSimulationLibraryWrapper(component, library), fmu.getModelDescription());
  }

  /** As {@link #coSimulation}, for model exchange. */
  static ModelExchangeInstance modelExchange(
      ModelExchangeFmu fmu, Fmi2ModelExchangeLibrary library, long component, String name) {
    return new ModelExchangeInstance(
        name, new ModelExchangeLibraryWrapper(component, library), fmu.getModelDescription());
  }

  private static Object library(Class<?> fmuClass, Object fmu) {
    Method getLib;
    try {
      getLib = fmuClass.getDeclaredMethod("getLib");
      getLib.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("this FMI4j version hides the FMU's library", e);
    }
    try {
      return getLib.invoke(fmu);
    } catch (InvocationTargetException e) {
      throw modelError("the FMU could not be loaded: " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this FMI4j version hides the FMU's library", e);
    }
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
