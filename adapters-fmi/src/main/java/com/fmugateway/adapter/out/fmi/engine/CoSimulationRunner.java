package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import java.util.Optional;
import no.ntnu.ihb.fmi4j.FmiStatus;
import no.ntnu.ihb.fmi4j.importer.fmi2.CoSimulationSlave;

/**
 * Co-simulation master: one {@code fmi2DoStep} per output interval, split where an input signal has
 * a sample so that a held input jumps exactly there. Inputs are set to their value at each
 * communication point; a linear signal is therefore seen as a staircase through its values at the
 * communication points (FMI 2.0 could pass input derivatives, but only to FMUs that declare {@code
 * canInterpolateInputs}).
 *
 * <p>A run without inputs whose outputs are all reals steps in C ({@link NativeCoSimulation}),
 * {@link #CHUNK} communication points per call, with the same times, steps, calls and checks.
 */
final class CoSimulationRunner {

  /** Communication points per native call; the guard is checked between calls as well. */
  static final int CHUNK = 512;

  private final CoSimulationSlave fmu;
  private final Fmi2Copy loaded;
  private final RunSetup setup;
  private final boolean nativeSteps;

  /**
   * @param loaded the copy of the FMU {@code fmu} is an instance of
   * @param nativeSteps whether to step in C where the run allows it (false: always from Java)
   */
  CoSimulationRunner(CoSimulationSlave fmu, Fmi2Copy loaded, RunSetup setup, boolean nativeSteps) {
    this.fmu = fmu;
    this.loaded = loaded;
    this.setup = setup;
    this.nativeSteps = nativeSteps;
  }

  RunCounts run() {
    SimulationPlan plan = setup.plan();
    setup.initialize(fmu);
    setup.outputs().sample(fmu, plan.startTime());
    Optional<int[]> reals = setup.outputs().realsOnly();
    if (nativeSteps && setup.inputs().isEmpty() && reals.isPresent()) {
      String identifier = setup.description().modelIdentifiers().get(FmuInterface.CO_SIMULATION);
      Optional<NativeCoSimulation> loop =
          loaded.binary(identifier).flatMap(b -> NativeCoSimulation.open(b, fmu));
      if (loop.isPresent()) {
        return runNative(loop.get(), reals.get());
      }
    }
    return runJava();
  }

  private RunCounts runJava() {
    SimulationPlan plan = setup.plan();
    int samples = plan.sampleCount();
    double t = plan.startTime(); // the FMU's own time, a sum of steps
    double nominal = t; // where t should be; the inputs are read there
    long steps = 0;
    for (int i = 1; i < samples; i++) {
      double target = plan.sampleTime(i);
      while (nominal < target) {
        setup.guard().check();
        double next = setup.inputs().nextBreakpoint(nominal, target);
        double step = Times.stepTo(t, next);
        steps++;
        if (!doStep(t, step)) {
          return new RunCounts(steps, 0);
        }
        t += step;
        nominal = next;
        setup.inputs().applyAll(fmu, nominal);
      }
      setup.outputs().sample(fmu, target);
    }
    return new RunCounts(steps, 0);
  }

  /**
   * As {@link #runJava()}, with no inputs to split steps at: one step per output interval, the
   * outputs read after each, a chunk of them per native call.
   */
  private RunCounts runNative(NativeCoSimulation loop, int[] vrs) {
    SimulationPlan plan = setup.plan();
    int samples = plan.sampleCount();
    CommunicationPoints points = new CommunicationPoints(plan);
    double[] times = points.times;
    double[] targets = points.targets;
    double[] values = new double[points.capacity() * vrs.length];
    int[] stopped = new int[2];
    long stepCount = 0;
    for (int i = 1; i < samples; ) {
      setup.guard().check();
      int n = points.fill(i);
      int done = loop.steps(times, points.steps, n, vrs, values, setup.guard().deadline(), stopped);
      for (int k = 0; k < done; k++) {
        if (points.completed(k)) {
          stepCount++;
        }
        setup.outputs().sampleReals(targets[k], values, k * vrs.length);
      }
      i += done;
      if (done < n) {
        FmiStatus status = FmiStatus.valueOf(stopped[0]);
        switch (stopped[1]) {
          case NativeCoSimulation.DO_STEP -> {
            stepCount++;
            if (status == FmiStatus.Discard) {
              return new RunCounts(stepCount, 0);
            }
            throw new FmuCallFailedException("fmi2DoStep", times[done], status);
          }
          case NativeCoSimulation.GET_REAL ->
              throw new FmuCallFailedException("fmi2GetReal", targets[done], status);
          default -> {
            setup.guard().check();
            throw RunGuard.timedOut(plan.timeout());
          }
        }
      }
    }
    return new RunCounts(stepCount, 0);
  }

  /** False when the FMU discards the step: it cannot go on, so the run ends at its last sample. */
  private boolean doStep(double t, double step) {
    if (fmu.doStep(t, step)) {
      return true;
    }
    if (fmu.getLastStatus() == FmiStatus.Discard) {
      return false;
    }
    FmiCalls.check(false, fmu, "fmi2DoStep", t);
    return true;
  }
}
