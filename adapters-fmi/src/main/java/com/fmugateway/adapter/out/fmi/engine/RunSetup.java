package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.StartValue;
import no.ntnu.ihb.fmi4j.importer.fmi2.AbstractModelInstance;

/** What both masters need for one run. */
record RunSetup(
    ModelDescription description,
    SimulationPlan plan,
    InputFeeder inputs,
    OutputRecorder outputs,
    RunGuard guard) {

  /**
   * Instantiated to initialized: start values and the inputs' first values go in before
   * initialization mode, where FMI 2.0 allows every settable variable to be set.
   */
  void initialize(AbstractModelInstance<?, ?> fmu) {
    double t0 = plan.startTime();
    FmiCalls.check(
        fmu.setupExperiment(t0, plan.stopTime(), plan.solver().rtol()),
        fmu,
        "fmi2SetupExperiment",
        t0);
    for (StartValue start : plan.startValues()) {
      VariableWriter.write(fmu, start.variable(), start.value(), t0);
    }
    inputs.applyAll(fmu, t0);
    FmiCalls.check(fmu.enterInitializationMode(), fmu, "fmi2EnterInitializationMode", t0);
    FmiCalls.check(fmu.exitInitializationMode(), fmu, "fmi2ExitInitializationMode", t0);
  }
}
