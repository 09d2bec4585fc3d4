package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.domain.fixtures.SimulatorContract;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.simulation.port.out.Simulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The sandboxed simulator with its default settings: worker processes under bubblewrap. */
class SandboxedSimulatorContractIT extends SimulatorContract {

  @TempDir Path workDir;

  private SandboxedSimulator simulator;

  @BeforeEach
  void start() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
  }

  @AfterEach
  void close() {
    simulator.close();
  }

  @Override
  protected Simulator simulator() {
    return simulator;
  }

  @Override
  protected FmuArtifact builtIn(String name) {
    return Jobs.builtIn(name);
  }
}
