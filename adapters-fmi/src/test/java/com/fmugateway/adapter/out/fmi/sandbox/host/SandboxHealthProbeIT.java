package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fmugateway.domain.fixtures.HealthProbeContract;
import com.fmugateway.domain.health.model.ComponentHealth;
import com.fmugateway.domain.health.model.HealthStatus;
import com.fmugateway.domain.health.port.out.HealthProbe;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workers' probe. It reports how the workers are confined and how busy they are: DEGRADED while
 * every slot is busy and runs queue, UP again once a slot frees. Nothing outside the simulator can
 * make it report them down, so the DOWN case is skipped.
 */
class SandboxHealthProbeIT extends HealthProbeContract {

  /** Long enough to see the pool full on a loaded machine; the run ends by this timeout. */
  private static final Duration HOLD = Duration.ofSeconds(10);

  @TempDir Path workDir;

  private SandboxedSimulator simulator;

  @BeforeEach
  void start() {
    simulator = new SandboxedSimulator(Settings.in(workDir).workers(1, 4).build());
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

  @Test
  void everySlotBusyAndARunQueued_isReportedDegraded_andUpAgainOnceTheyFinish() {
    HealthProbe probe = probe();
    CompletableFuture<SimulationResult> hog =
        simulator.simulate(HostileJob.of("InfiniteLoop").timeout(HOLD).job()).toFuture();
    CompletableFuture<SimulationResult> waiting =
        simulator.simulate(TestFmus.bouncingBall()).toFuture();

    ComponentHealth full =
        await()
            .atMost(Workers.WAIT)
            .until(() -> probe.probe().block(), health -> health.status() == HealthStatus.DEGRADED);

    assertThat(full.details())
        .containsEntry("slots", "1")
        .containsEntry("busy", "1")
        .containsEntry("queued", "1")
        .containsEntry("saturated", "true");
    assertThat(hog)
        .failsWithin(HOLD.plus(Workers.WAIT))
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOfSatisfying(
            SimulationFailedException.class,
            e -> assertThat(e.failureCause()).isEqualTo(Cause.TIMEOUT));
    assertThat(waiting).succeedsWithin(Workers.WAIT);
    ComponentHealth after = probe.probe().block();
    assertThat(after.status()).isEqualTo(HealthStatus.UP);
    assertThat(after.details()).containsEntry("busy", "0").containsEntry("queued", "0");
  }
}
