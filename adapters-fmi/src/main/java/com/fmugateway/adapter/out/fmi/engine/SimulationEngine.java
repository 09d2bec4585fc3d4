package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;
import no.ntnu.ihb.fmi4j.importer.fmi2.CoSimulationSlave;
import no.ntnu.ihb.fmi4j.importer.fmi2.Fmu;
import no.ntnu.ihb.fmi4j.importer.fmi2.ModelExchangeInstance;
import org.hipparchus.exception.MathRuntimeException;

/**
 * Runs one simulation, synchronously on the calling thread, choosing the engine by the FMU's {@code
 * fmiVersion}: FMI 2.0 through FMI4j (co-simulation FMUs step themselves, model-exchange FMUs are
 * integrated with Hipparchus), FMI 3.0 through our own binding ({@link Fmi3Engine}). A plain
 * library without framework or reactive types, so that it can run inside a sandboxed worker process
 * as well.
 *
 * <p>Each run unpacks the archive into its own folder and so loads its own copy of the FMU's
 * binary; concurrent runs share no FMU state. The run stops itself when it passes {@link
 * SimulationPlan#timeout()} or its thread is interrupted.
 */
public final class SimulationEngine {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Runs {@code plan} on the FMU in {@code fmuArchive}, described by {@code description}.
   *
   * @throws SimulationFailedException when the run produces no result: MODEL_ERROR when the FMU
   *     reports an error (the message names the FMI call and time, the FMU log is attached) or the
   *     solver fails, TIMEOUT past the plan's limit, RESOURCE_LIMIT for an oversized archive
   */
  public SimulationResult run(Path fmuArchive, ModelDescription description, SimulationPlan plan) {
    return run(fmuArchive, description, plan, null);
  }

  /**
   * As {@link #run(Path, ModelDescription, SimulationPlan)}, handing samples to {@code sink} while
   * the run goes on (none: {@code null}); the result holds what was not handed over (see {@link
   * SampleSink}).
   */
  public SimulationResult run(
      Path fmuArchive, ModelDescription description, SimulationPlan plan, SampleSink sink) {
    long cpuStart = cpuNanos();
    FmuLog log = new FmuLog();
    String instanceName = "fmugw-" + UUID.randomUUID();
    try (FmuLogRouter.Registration capture = NativeStdout.router().register(instanceName, log)) {
      if (description.fmiVersion().startsWith("3")) {
        return runFmi3(fmuArchive, description, plan, log, cpuStart, sink);
      }
      requireRunnable(description, plan);
      RunSetup setup =
          new RunSetup(
              description,
              plan,
              new InputFeeder(description, plan.inputs()),
              new OutputRecorder(plan.outputs(), sink),
              new RunGuard(plan.timeout()));
      RunCounts counts = unpackAndRun(fmuArchive, setup, instanceName, log);
      return new SimulationResult(
          setup.outputs().times(),
          setup.outputs().columns(),
          counts.steps(),
          counts.events(),
          Duration.ofNanos(cpuNanos() - cpuStart),
          log.lines());
    } catch (FmuCallFailedException e) {
      throw new SimulationFailedException(Cause.MODEL_ERROR, e.getMessage(), log.lines());
    } catch (SimulationFailedException e) {
      throw new SimulationFailedException(e.failureCause(), e.getMessage(), log.lines());
    } catch (MathRuntimeException e) {
      String solver = plan.solver().kind().code();
      throw new SimulationFailedException(
          Cause.MODEL_ERROR, "the " + solver + " solver failed: " + e.getMessage(), log.lines());
    }
  }

  private static SimulationResult runFmi3(
      Path archive,
      ModelDescription description,
      SimulationPlan plan,
      FmuLog log,
      long cpuStart,
      SampleSink sink) {
    if (!description.interfaces().contains(plan.fmuInterface())) {
      throw modelError("the FMU does not offer the " + plan.fmuInterface().code() + " interface");
    }
    Fmi3Recorder outputs = new Fmi3Recorder(plan.outputs(), sink);
    RunCounts counts = Fmi3Engine.run(archive, description, plan, outputs, log);
    return new SimulationResult(
        outputs.times(),
        outputs.columns(),
        counts.steps(),
        counts.events(),
        Duration.ofNanos(cpuNanos() - cpuStart),
        log.lines(),
        outputs.clockEvents());
  }

  private static RunCounts unpackAndRun(Path archive, RunSetup setup, String name, FmuLog log) {
    Path folder;
    try {
      folder = FmuArchive.unpack(archive);
    } catch (IOException e) {
      throw modelError("the FMU archive cannot be unpacked: " + e.getMessage());
    }
    try {
      Fmu fmu = load(setup.description(), folder);
      try {
        return runInstance(fmu, setup, name, log);
      } finally {
        Fmi4jInstances.close(fmu);
      }
    } finally {
      FmuArchive.delete(folder);
    }
  }

  private static Fmu load(ModelDescription description, Path folder) {
    try {
      return new Fmu(description.modelName(), folder.toFile());
    } catch (RuntimeException e) {
      throw modelError("the FMU could not be loaded: " + e.getMessage());
    }
  }

  private static RunCounts runInstance(Fmu fmu, RunSetup setup, String name, FmuLog log) {
    ModelDescription description = setup.description();
    if (setup.plan().fmuInterface() == FmuInterface.CO_SIMULATION) {
      CoSimulationSlave slave =
          Fmi4jInstances.instantiate(() -> fmu.asCoSimulationFmu().newInstance(name, false, true));
      return runThenFree(slave, log, () -> new CoSimulationRunner(slave, setup).run());
    }
    ModelExchangeInstance instance =
        Fmi4jInstances.instantiate(() -> fmu.asModelExchangeFmu().newInstance(name, false, true));
    int states =
        (int) description.variables().stream().filter(v -> v.derivativeOf().isPresent()).count();
    int indicators = description.numberOfEventIndicators();
    return runThenFree(
        instance,
        log,
        () ->
            new ModelExchangeRunner(
                    new Fmi2MeModel(instance, setup, states, indicators),
                    setup.plan(),
                    setup.inputs(),
                    setup.guard())
                .run());
  }

  /** On failure the log is frozen first: freeing an FMU in its error state makes it complain. */
  private static RunCounts runThenFree(
      AbstractModelInstance<?, ?> instance, FmuLog log, Supplier<RunCounts> run) {
    try {
      return run.get();
    } catch (RuntimeException | Error e) {
      log.freeze();
      throw e;
    } finally {
      Fmi4jInstances.close(instance);
    }
  }

  private static void requireRunnable(ModelDescription description, SimulationPlan plan) {
    if (!description.fmiVersion().startsWith("2.")) {
      throw modelError("only FMI 2.0 FMUs can run; this one is FMI " + description.fmiVersion());
    }
    if (!description.interfaces().contains(plan.fmuInterface())) {
      throw modelError("the FMU does not offer the " + plan.fmuInterface().code() + " interface");
    }
    if (plan.startTime() < 0) {
      throw modelError("start times before 0 are not supported (FMI4j refuses them)");
    }
  }

  private static SimulationFailedException modelError(String message) {
    return new SimulationFailedException(Cause.MODEL_ERROR, message, List.of());
  }

  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }
}
