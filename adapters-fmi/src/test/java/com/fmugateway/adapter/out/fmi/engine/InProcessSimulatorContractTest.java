package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fixtures.SimulatorContract;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.simulation.port.out.Simulator;
import org.junit.jupiter.api.AfterEach;

/** The in-process engine on two simulation threads, on the built library model. */
class InProcessSimulatorContractTest extends SimulatorContract {

  private final InProcessSimulator simulator = new InProcessSimulator(new SimulationEngine(), 2, 2);

  @AfterEach
  void stopThreads() {
    simulator.close();
  }

  @Override
  protected Simulator simulator() {
    return simulator;
  }

  @Override
  protected FmuArtifact builtIn(String name) {
    return new FmuArtifact(
        FmuId.library(name),
        new Sha256("0".repeat(64)),
        LibraryFmus.archive(name),
        LibraryFmus.description(name),
        true);
  }
}
