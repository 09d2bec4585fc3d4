package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.StartValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a run of one hostile fixture: co-simulation from 0 to 1 with one output interval, so
 * exactly one fmi2DoStep, where every fixture does its damage.
 */
final class HostileJob {

  private final FmuArtifact fmu;
  private final List<StartValue> starts = new ArrayList<>();
  private final List<ModelVariable> outputs = new ArrayList<>();
  private Duration timeout = Duration.ofSeconds(30);

  private HostileJob(FmuArtifact fmu) {
    this.fmu = fmu;
  }

  static HostileJob of(String fixture) {
    return new HostileJob(TestFmus.hostile(fixture));
  }

  /** A parameter: Integer or String, as the fixture declares it. */
  HostileJob start(String variable, Object value) {
    starts.add(new StartValue(variable(variable), value));
    return this;
  }

  HostileJob outputs(String... names) {
    for (String name : names) {
      outputs.add(variable(name));
    }
    return this;
  }

  HostileJob timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  FmuArtifact fmu() {
    return fmu;
  }

  SimulationPlan plan() {
    return new SimulationPlan(
        FmuInterface.CO_SIMULATION,
        0,
        1,
        1,
        starts,
        List.of(),
        outputs,
        Solver.defaults(),
        timeout,
        Map.of());
  }

  /** As a run of a new account, so nothing is shared with another test's runs. */
  SimulationJob job() {
    return new SimulationJob(AccountId.random(), fmu, plan());
  }

  private ModelVariable variable(String name) {
    return fmu.description()
        .variable(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    fmu.description().modelName() + " has no variable " + name));
  }
}
