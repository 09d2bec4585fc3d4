package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationPlan;
import no.ntnu.ihb.fmi4j.FmiStatus;
import no.ntnu.ihb.fmi4j.importer.fmi2.CoSimulationSlave;

/**
 * Co-simulation master: one {@code fmi2DoStep} per output interval, split where an input signal has
 * a sample so that a held input jumps exactly there. Inputs are set to their value at each
 * communication point; a linear signal is therefore seen as a staircase through its values at the
 * communication points (FMI 2.0 could pass input derivatives, but only to FMUs that declare {@code
 * canInterpolateInputs}).
 */
final class CoSimulationRunner {

  private final CoSimulationSlave fmu;
  private final RunSetup setup;

  CoSimulationRunner(CoSimulationSlave fmu, RunSetup setup) {
    this.fmu = fmu;
    this.setup = setup;
  }

  RunCounts run() {
    SimulationPlan plan = setup.plan();
    setup.initialize(fmu);
    setup.outputs().sample(fmu, plan.startTime());
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
