package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.domain.fixtures.HealthProbeContract;
import com.fmugateway.domain.health.port.out.HealthProbe;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workers' probe. It reports how the workers are confined and how busy they are, and nothing
 * outside the simulator can make it report them down, so the DOWN case is skipped.
 */
class SandboxHealthProbeIT extends HealthProbeContract {

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
  protected HealthProbe probe() {
    return new SandboxHealthProbe(simulator);
  }

  @Override
  protected Optional<HealthProbe> broken() {
    return Optional.empty();
  }
}
