package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.fmi3.Fmi3CoSimulation;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3DiscreteStates;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Exception;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Fmu;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Instance;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3NativeSteps;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Status;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.StartValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Runs one FMI 3.0 simulation through our own binding ({@link Fmi3Fmu}), on the calling thread and
 * so inside the confined worker like FMI 2.0 runs. Co-simulation: one {@code fmi3DoStep} per output
 * interval (split at input samples); the FMU handles its events inside the step unless it asks for
 * event mode, which is then run to completion before stepping on; a run without inputs whose
 * outputs are all Float64 (scalars or arrays) steps in C ({@link Fmi3NativeSteps}), a chunk of
 * communication points per call, with the same steps, calls and checks. Model exchange: the FMI 2.0
 * master, {@link ModelExchangeRunner}, over {@link Fmi3MeModel}.
 */
final class Fmi3Engine {

  private final LoadedFmus<Fmi3Fmu> copies;
  private final boolean nativeCalls;

  /**
   * @param nativeCalls whether co-simulation may step in C, and model exchange place and read the
   *     FMU in one native call, where the run allows it (false: always from Java)
   */
  Fmi3Engine(int idleCopies, boolean archivesFixed, boolean nativeCalls) {
    copies = new LoadedFmus<>(idleCopies, archivesFixed, Fmi3Fmu::close);
    this.nativeCalls = nativeCalls;
  }

  void unloadIdleCopies() {
    copies.clear();
  }

  RunCounts run(
      Path archive,
      ModelDescription description,
      SimulationPlan plan,
      Fmi3Recorder recorder,
      FmuLog log) {
    String identifier = description.modelIdentifiers().get(plan.fmuInterface());
    LoadedFmus.Lease<Fmi3Fmu> copy =
        copies.take(archive, identifier, folder -> load(folder, identifier));
    boolean succeeded = false;
    try {
      Fmi3Fmu fmu = copy.fmu();
      if (plan.fmuInterface() == FmuInterface.SCHEDULED_EXECUTION) {
        RunCounts counts = Fmi3ScheduledRunner.run(fmu, description, plan, recorder, log);
        succeeded = true;
        return counts;
      }
      if (plan.fmuInterface() == FmuInterface.MODEL_EXCHANGE) {
        RunCounts counts = Fmi3MeModel.run(fmu, description, plan, recorder, log, nativeCalls);
        succeeded = true;
        return counts;
      }
      try (Fmi3CoSimulation instance =
          Fmi3Instance.instantiateCoSimulation(
              fmu,
              "fmugw-" + UUID.randomUUID(),
              description.guid(),
              false,
              false,
              null,
              line -> log.add(line.status().name(), line.category(), line.message()))) {
        RunCounts counts =
            new Stepper(
                    instance,
                    description,
                    plan,
                    recorder,
                    new RunGuard(plan.timeout()),
                    nativeCalls)
                .run();
        succeeded = true;
        return counts;
      }
    } catch (Fmi3Exception e) {
      log.freeze();
      throw modelError(e.getMessage());
    } finally {
      copies.giveBack(copy, succeeded);
    }
  }

  private static Fmi3Fmu load(Path folder, String identifier) {
    try {
      return Fmi3Fmu.load(folder, identifier);
    } catch (RuntimeException e) {
      throw modelError("the FMU could not be loaded: " + e.getMessage());
    }
  }

  private static SimulationFailedException modelError(String message) {
    return new SimulationFailedException(Cause.MODEL_ERROR, message, List.of());
  }

  /** The co-simulation master loop. */
  private record Stepper(
      Fmi3CoSimulation fmu,
      ModelDescription description,
      SimulationPlan plan,
      Fmi3Recorder recorder,
      RunGuard guard,
      boolean nativeCalls) {

    RunCounts run() {
      double t0 = plan.startTime();
      for (StartValue start : plan.startValues()) {
        Fmi3Access.write(fmu.values(), start.variable(), start.value());
      }
      applyInputs(t0);
      fmu.enterInitializationMode(
          OptionalDouble.of(plan.solver().rtol()), t0, OptionalDouble.of(plan.stopTime()));
      fmu.exitInitializationMode();
      recorder.sample(fmu.values(), t0);
      int[] float64s = nativeCalls && plan.inputs().isEmpty() ? recorder.float64References() : null;
      Optional<Fmi3NativeSteps> loop =
          float64s == null ? Optional.empty() : Fmi3NativeSteps.open(fmu);
      if (loop.isPresent()) {
        return runNative(loop.get(), float64s);
      }
      double t = t0;
      double nominal = t0;
      long steps = 0;
      long events = 0;
      for (int i = 1; i < plan.sampleCount(); i++) {
        double target = plan.sampleTime(i);
        while (nominal < target) {
          guard.check();
          double next = nextBreakpoint(nominal, target);
          double step = Times.stepTo(t, next);
          steps++;
          Fmi3CoSimulation.StepResult result = fmu.doStep(t, step);
          if (fmu.lastStatus() == Fmi3Status.DISCARD || result.terminateSimulation()) {
            return new RunCounts(steps, events);
          }
          if (result.eventHandlingNeeded()) {
            events++;
            if (handleEvent()) {
              return new RunCounts(steps, events);
            }
          }
          t += step;
          nominal = next;
          applyInputs(nominal);
        }
        recorder.sample(fmu.values(), target);
      }
      return new RunCounts(steps, events);
    }

    /**
     * As the loop in {@link #run()}, with no inputs to split steps at: one step per output
     * interval, the outputs read after each, a chunk of them per native call. A step that stops a
     * chunk (its status, its flags, its outputs' status) is then taken as that loop takes it.
     */
    private RunCounts runNative(Fmi3NativeSteps loop, int[] vrs) {
      int samples = plan.sampleCount();
      CommunicationPoints points = new CommunicationPoints(plan);
      double[] targets = points.targets;
      int perPoint = recorder.float64Values();
      double[] values = new double[points.capacity() * perPoint];
      int[] stopped = new int[4];
      long stepCount = 0;
      long events = 0;
      for (int i = 1; i < samples; ) {
        guard.check();
        int n = points.fill(i);
        int done =
            loop.steps(
                points.times, points.steps, n, vrs, perPoint, values, guard.deadline(), stopped);
        for (int k = 0; k < done; k++) {
          if (points.completed(k)) {
            stepCount++;
          }
          recorder.sampleFloat64(targets[k], values, k * perPoint);
        }
        i += done;
        if (done == n) {
          continue;
        }
        switch (stopped[1]) {
          case Fmi3NativeSteps.DO_STEP -> {
            stepCount++;
            loop.take("fmi3DoStep", stopped[0]); // throws unless the FMU discarded the step
            return new RunCounts(stepCount, events);
          }
          case Fmi3NativeSteps.STEP_FLAGS -> {
            stepCount++;
            if (stopped[3] != 0) {
              return new RunCounts(stepCount, events);
            }
            events++;
            if (handleEvent()) {
              return new RunCounts(stepCount, events);
            }
            points.completed(done); // counted above
          }
          case Fmi3NativeSteps.GET_FLOAT64 -> {
            // An error ends the run here, the FMU not read again; after a discard, read from Java.
            loop.take("fmi3GetFloat64", stopped[0]);
            if (points.completed(done)) {
              stepCount++;
            }
          }
          default -> {
            guard.check();
            throw RunGuard.timedOut(plan.timeout());
          }
        }
        // The step stopped after is done, the next chunk starts after it; its outputs from Java.
        recorder.sample(fmu.values(), targets[done]);
        i++;
      }
      return new RunCounts(stepCount, events);
    }

    /** Event mode to completion; true when the FMU asks to terminate. */
    private boolean handleEvent() {
      fmu.enterEventMode();
      Fmi3DiscreteStates states;
      do {
        guard.check();
        states = fmu.updateDiscreteStates();
        if (states.terminateSimulation()) {
          return true;
        }
      } while (states.discreteStatesNeedUpdate());
      fmu.enterStepMode();
      return false;
    }

    private void applyInputs(double t) {
      for (InputSignal signal : plan.inputs()) {
        ModelVariable variable = input(signal.name());
        Fmi3Access.write(fmu.values(), variable, signal.valueAt(t));
      }
    }

    private ModelVariable input(String name) {
      return description.variable(name).orElseThrow(() -> modelError("no variable " + name));
    }

    private double nextBreakpoint(double from, double to) {
      double next = to;
      for (InputSignal signal : plan.inputs()) {
        double[] inside = signal.breakpointsBetween(from, to);
        if (inside.length > 0) {
          next = Math.min(next, inside[0]);
        }
      }
      return next;
    }
  }
}
