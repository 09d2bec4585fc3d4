package com.fmugateway.adapter.out.fmi.engine;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;
import no.ntnu.ihb.fmi4j.importer.fmi2.CoSimulationFmu;
import no.ntnu.ihb.fmi4j.importer.fmi2.CoSimulationSlave;
import no.ntnu.ihb.fmi4j.importer.fmi2.Fmu;
import no.ntnu.ihb.fmi4j.importer.fmi2.ModelExchangeFmu;
import no.ntnu.ihb.fmi4j.importer.fmi2.ModelExchangeInstance;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.Fmi2CoSimulationLibrary;
import no.ntnu.ihb.fmi4j.importer.fmi2.jni.Fmi2ModelExchangeLibrary;

/**
 * One loaded copy of an FMI 2.0 FMU ({@link LoadedFmus}): FMI4j's, and its binaries opened once
 * more through JNA, for {@link NativeCoSimulation}, {@link NativeFmi2Log} and {@link
 * Fmi2DirectionalDerivative}, on first use and until the copy is unloaded. Opening the same file
 * again returns the handle FMI4j holds (one copy of the code and its globals); opening and closing
 * it for every run cost as much as a small FMU's whole run.
 *
 * <p>Instances are made by our own {@code fmi2Instantiate} call, with our logger ({@link
 * NativeFmi2Log}), and wrapped in FMI4j's instance types for every other call; where the native
 * library or the binary cannot be opened, by FMI4j.
 */
final class Fmi2Copy {

  // RTLD_NOW | RTLD_LOCAL: JNA's default RTLD_GLOBAL would let this FMU's symbols stand in for
  // those of FMUs loaded after it in the same process.
  private static final int OPEN_FLAGS = 2;
  private static final int MODEL_EXCHANGE = 0; // fmi2Type
  private static final int CO_SIMULATION = 1;

  private final Fmu fmu;
  private final String resources;

  /** By model identifier; empty where the binary could not be opened. One run at a time. */
  private final Map<String, Optional<NativeLibrary>> binaries = new HashMap<>();

  /**
   * Runs after which a copy is retired when FMI4j made none of its instances: nothing piles up in
   * it then, so the bound is only there to renew a copy now and then.
   */
  static final int MAX_RUNS_OWN_INSTANCES = 1_000_000;

  private boolean fmi4jInstantiated;
  private Fmi2CoSimulationLibrary coSimulationLibrary;
  private Fmi2ModelExchangeLibrary modelExchangeLibrary;

  /**
   * @param folder where {@code fmu} is unpacked
   */
  Fmi2Copy(Fmu fmu, Path folder) {
    this.fmu = fmu;
    // As FMI4j passes it, so that FMUs find their resources as they always did.
    this.resources =
        "file:///" + folder.resolve("resources").toFile().getAbsolutePath().replace('\\', '/');
  }

  Fmu fmu() {
    return fmu;
  }

  /**
   * A new co-simulation instance named {@code name} of the binary {@code modelIdentifier}, its
   * messages going to {@code log}.
   *
   * @param ownLogger false to have FMI4j instantiate it, with FMI4j's logger, even where ours works
   */
  Instance<CoSimulationSlave> newCoSimulation(
      String name, String modelIdentifier, FmuLog log, boolean ownLogger) {
    CoSimulationFmu cs = fmu.asCoSimulationFmu();
    return newInstance(
        modelIdentifier,
        name,
        CO_SIMULATION,
        log,
        ownLogger,
        () -> {
          if (coSimulationLibrary == null) {
            coSimulationLibrary = Fmi4jInstances.coSimulationLibrary(cs);
          }
          return component -> Fmi4jInstances.coSimulation(cs, coSimulationLibrary, component, name);
        },
        () -> cs.newInstance(name, false, true));
  }

  /** As {@link #newCoSimulation}, for model exchange. */
  Instance<ModelExchangeInstance> newModelExchange(
      String name, String modelIdentifier, FmuLog log, boolean ownLogger) {
    ModelExchangeFmu me = fmu.asModelExchangeFmu();
    return newInstance(
        modelIdentifier,
        name,
        MODEL_EXCHANGE,
        log,
        ownLogger,
        () -> {
          if (modelExchangeLibrary == null) {
            modelExchangeLibrary = Fmi4jInstances.modelExchangeLibrary(me);
          }
          return component ->
              Fmi4jInstances.modelExchange(me, modelExchangeLibrary, component, name);
        },
        () -> me.newInstance(name, false, true));
  }

  /** Ours where it can be ({@link #instantiate}), else FMI4j's ({@code byFmi4j}). */
  private <I extends AbstractModelInstance<?, ?>> Instance<I> newInstance(
      String modelIdentifier,
      String name,
      int type,
      FmuLog log,
      boolean ownLogger,
      Supplier<LongFunction<I>> fmi4jLibrary,
      Supplier<I> byFmi4j) {
    if (ownLogger) {
      Optional<Instance<I>> ours = instantiate(modelIdentifier, name, type, log, fmi4jLibrary);
      if (ours.isPresent()) {
        return ours.get();
      }
    }
    fmi4jInstantiated = true;
    return new Instance<>(Fmi4jInstances.instantiate(byFmi4j), Optional.empty());
  }

  /**
   * Our own instantiate: FMI4j's library is loaded first ({@code fmi4jLibrary}, which returns how
   * to wrap a component for FMI4j), so that nothing can fail between creating the component and
   * handing it over to be freed. Empty where our library or the FMU's binary cannot be opened.
   */
  private <I extends AbstractModelInstance<?, ?>> Optional<Instance<I>> instantiate(
      String modelIdentifier,
      String name,
      int type,
      FmuLog log,
      Supplier<LongFunction<I>> fmi4jLibrary) {
    LongFunction<I> wrap = fmi4jLibrary.get();
    Optional<NativeLibrary> binary = binary(modelIdentifier);
    if (binary.isEmpty()) {
      return Optional.empty();
    }
    Pointer function;
    try {
      function = binary.get().getFunction("fmi2Instantiate");
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty(); // FMI4j reports it as it always did
    }
    Optional<NativeFmi2Log> created = NativeFmi2Log.create();
    if (created.isEmpty()) {
      return Optional.empty();
    }
    NativeFmi2Log messages = created.get();
    long component;
    try {
      component = messages.instantiate(function, name, type, fmu.getGuid(), resources, false, true);
    } catch (RuntimeException | Error e) {
      messages.close();
      throw e;
    }
    if (component == 0) {
      messages.drainInto(log);
      messages.close();
      throw Fmi4jInstances.refused();
    }
    return Optional.of(new Instance<>(wrap.apply(component), created));
  }

  /**
   * The runs this copy may serve ({@link LoadedFmus}): few once FMI4j made an instance of it, for
   * FMI4j keeps every instance it made until the FMU is closed.
   */
  int maxRuns() {
    return fmi4jInstantiated ? LoadedFmus.MAX_RUNS_PER_COPY : MAX_RUNS_OWN_INSTANCES;
  }

  /** The binary named {@code modelIdentifier}, opened on first use; empty when it cannot be. */
  Optional<NativeLibrary> binary(String modelIdentifier) {
    return binaries.computeIfAbsent(modelIdentifier, this::open);
  }

  private Optional<NativeLibrary> open(String modelIdentifier) {
    String binary = fmu.getAbsoluteLibraryPath(modelIdentifier).getAbsolutePath();
    try {
      return Optional.of(
          NativeLibrary.getInstance(binary, Map.of(Library.OPTION_OPEN_FLAGS, OPEN_FLAGS)));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }

  /** Drops our handles on the binaries, then has FMI4j unload them and delete the folder. */
  void unload() {
    binaries.values().forEach(binary -> binary.ifPresent(NativeLibrary::close));
    Fmi4jInstances.close(fmu);
  }

  /**
   * An FMI4j instance and, when we instantiated it ourselves, the log in C its FMU's messages wait
   * in until {@link #drainLog} or {@link #free}.
   */
  record Instance<I extends AbstractModelInstance<?, ?>>(
      I fmi4j, Optional<NativeFmi2Log> messages) {

    /** Moves the messages logged so far into {@code log}. */
    void drainLog(FmuLog log) {
      messages.ifPresent(m -> m.drainInto(log));
    }

    /** Terminates and frees the instance, then moves its last messages into {@code log}. */
    void free(FmuLog log) {
      try {
        Fmi4jInstances.close(fmi4j);
      } finally {
        messages.ifPresent(
            m -> {
              m.drainInto(log);
              m.close();
            });
      }
    }
  }
}
