package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.domain.fmu.model.DefaultExperiment;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.Solver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run a spare makes of a newly uploaded FMU before anyone asked for one ({@link
 * SandboxedSimulator#prepare}): one output interval from the FMU's own start, all its outputs
 * sampled. It unpacks the archive, loads the binary, parses the description and makes the FMU's
 * first instance while nobody waits, so the first real run finds all that done. Neither billed nor
 * recorded; its result is thrown away.
 */
final class FirstRun {

  /** Short: the prepared run is the customer's first, not ours, if this is not enough. */
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private static final double INTERVAL = 1e-3;

  private FirstRun() {}

  /** Empty for an FMU that offers neither co-simulation nor model exchange. */
  static Optional<SimulationPlan> of(ModelDescription description) {
    FmuInterface chosen;
    if (description.interfaces().contains(FmuInterface.CO_SIMULATION)) {
      chosen = FmuInterface.CO_SIMULATION;
    } else if (description.interfaces().contains(FmuInterface.MODEL_EXCHANGE)) {
      chosen = FmuInterface.MODEL_EXCHANGE;
    } else {
      return Optional.empty();
    }
    DefaultExperiment experiment = description.defaultExperiment();
    double start = experiment.startTime().orElse(0);
    double interval = Math.min(INTERVAL, experiment.stepSize().orElse(INTERVAL));
    List<ModelVariable> outputs =
        description.outputs().stream().filter(v -> v.type() != VariableType.CLOCK).toList();
    return Optional.of(
        new SimulationPlan(
            chosen,
            start,
            start + interval,
            interval,
            List.of(),
            List.of(),
            outputs,
            Solver.defaults(),
            TIMEOUT,
            Map.of()));
  }
}
