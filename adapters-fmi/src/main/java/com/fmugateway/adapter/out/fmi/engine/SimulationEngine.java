package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
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
 * <p>A run borrows an unpacked, loaded copy of the FMU ({@link LoadedFmus}) that serves no other
 * run at the same time, so concurrent runs share no FMU state; a successful run's copy is kept for
 * the next run of the same archive. The run stops itself when it passes {@link
 * SimulationPlan#timeout()} or its thread is interrupted.
 */
public final class SimulationEngine {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Enough for a sandbox worker (one archive) and the in-process benchmark's concurrent runs. */
  private static final int IDLE_COPIES = 8;

  private final LoadedFmus<Fmi2Copy> fmi2Copies;
  private final Fmi3Engine fmi3;
  private final boolean nativeCode;

  /**
   * An engine for archives that may be replaced under the same path: every run checks, with one
   * stat of the archive, that a kept copy still matches its file.
   */
  public SimulationEngine() {
    this(true, false);
  }

  /**
   * An engine for a caller whose archives never change under the same path while the engine lives:
   * a sandbox worker, whose one archive is copied in before its first run and bound read-only
   * ({@code WorkerLayout}). A kept copy is then found by the archive's path alone, without the stat
   * per run: a system call, about 2 µs where those are slow (a virtual machine), against a simple
   * model's run of about 25 µs. A file replaced under the same path would be served from the copy
   * of the old one.
   */
  public static SimulationEngine forFixedArchives() {
    return new SimulationEngine(true, true);
  }

  /**
   * @param nativeCode whether FMI 2.0 instances may be made with our logger ({@link NativeFmi2Log})
   *     and co-simulation may step in C ({@link NativeCoSimulation}; FMI 3.0's {@code
   *     Fmi3NativeSteps}); false for tests that compare both ways
   */
  SimulationEngine(boolean nativeCode) {
    this(nativeCode, false);
  }

  private SimulationEngine(boolean nativeCode, boolean archivesFixed) {
    this.nativeCode = nativeCode;
    this.fmi2Copies =
        new LoadedFmus<>(IDLE_COPIES, archivesFixed, Fmi2Copy::maxRuns, Fmi2Copy::unload);
    this.fmi3 = new Fmi3Engine(IDLE_COPIES, archivesFixed, nativeCode);
  }

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
              new OutputRecorder(plan.outputs(), sink, plan.sampleCount()),
              new RunGuard(plan.timeout()));
      RunCounts counts = unpackAndRun(fmuArchive, setup, instanceName, log);
      return new SimulationResult(
          setup.outputs().times(),
          setup.outputs().columns(),
          counts.steps(),
          counts.events(),
          Duration.ofNanos(cpuNanos() - cpuStart),
          log.lines(),
          Map.of(),
          counts.statistics(),
          Set.of());
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

  private SimulationResult runFmi3(
      Path archive,
      ModelDescription description,
      SimulationPlan plan,
      FmuLog log,
      long cpuStart,
      SampleSink sink) {
    if (!description.interfaces().contains(plan.fmuInterface())) {
      throw modelError("the FMU does not offer the " + plan.fmuInterface().code() + " interface");
    }
    Fmi3Recorder outputs = new Fmi3Recorder(plan.outputs(), sink, plan.sampleCount());
    RunCounts counts = fmi3.run(archive, description, plan, outputs, log);
    return new SimulationResult(
        outputs.times(),
        outputs.columns(),
        counts.steps(),
        counts.events(),
        Duration.ofNanos(cpuNanos() - cpuStart),
        log.lines(),
        outputs.clockEvents(),
        counts.statistics(),
        Set.of());
  }

  private RunCounts unpackAndRun(Path archive, RunSetup setup, String name, FmuLog log) {
    LoadedFmus.Lease<Fmi2Copy> copy =
        fmi2Copies.take(archive, folder -> load(setup.description(), folder));
    boolean succeeded = false;
    try {
      RunCounts counts = runInstance(copy.fmu(), setup, name, log, nativeCode);
      succeeded = true;
      return counts;
    } finally {
      fmi2Copies.giveBack(copy, succeeded);
    }
  }

  /** Unloads the FMU copies kept between runs. */
  public void unloadIdleCopies() {
    fmi2Copies.clear();
    fmi3.unloadIdleCopies();
  }

  private static Fmi2Copy load(ModelDescription description, Path folder) {
    try {
      return new Fmi2Copy(new Fmu(description.modelName(), folder.toFile()), folder);
    } catch (RuntimeException e) {
      throw modelError("the FMU could not be loaded: " + e.getMessage());
    }
  }

  private static RunCounts runInstance(
      Fmi2Copy copy, RunSetup setup, String name, FmuLog log, boolean nativeCode) {
    ModelDescription description = setup.description();
    if (setup.plan().fmuInterface() == FmuInterface.CO_SIMULATION) {
      String identifier = description.modelIdentifiers().get(FmuInterface.CO_SIMULATION);
      Fmi2Copy.Instance<CoSimulationSlave> slave =
          copy.newCoSimulation(name, identifier, log, nativeCode);
      return runThenFree(
          slave, log, () -> new CoSimulationRunner(slave.fmi4j(), copy, setup, nativeCode).run());
    }
    String identifier = description.modelIdentifiers().get(FmuInterface.MODEL_EXCHANGE);
    Fmi2Copy.Instance<ModelExchangeInstance> created =
        copy.newModelExchange(name, identifier, log, nativeCode);
    ModelExchangeInstance instance = created.fmi4j();
    int states =
        (int) description.variables().stream().filter(v -> v.derivativeOf().isPresent()).count();
    int indicators = description.numberOfEventIndicators();
    return runThenFree(
        created,
        log,
        () -> {
          Optional<Fmi2DirectionalDerivative> jacobian =
              DirectionalJacobian.of(description, states)
                  .flatMap(
                      columns ->
                          Fmi2DirectionalDerivative.open(
                              copy, identifier, instance, columns, nativeCode));
          Optional<NativeModelExchange> calls =
              nativeCode
                  ? copy.binary(identifier).flatMap(b -> NativeModelExchange.open(b, instance))
                  : Optional.empty();
          return new ModelExchangeRunner(
                  new Fmi2MeModel(instance, setup, states, indicators, jacobian, calls),
                  setup.plan(),
                  setup.inputs(),
                  setup.guard())
              .run();
        });
  }

  /**
   * On failure the log is frozen first (after taking what the FMU logged until then): freeing an
   * FMU in its error state makes it complain.
   */
  private static RunCounts runThenFree(
      Fmi2Copy.Instance<?> instance, FmuLog log, Supplier<RunCounts> run) {
    try {
      return run.get();
    } catch (RuntimeException | Error e) {
      instance.drainLog(log);
      log.freeze();
      throw e;
    } finally {
      instance.free(log);
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
