package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.domain.health.model.ComponentHealth;
import com.fmugateway.domain.health.port.out.HealthProbe;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Reports the simulation workers: how they are confined and how busy they are. */
public final class SandboxHealthProbe implements HealthProbe {

  private final SandboxedSimulator simulator;

  public SandboxHealthProbe(SandboxedSimulator simulator) {
    this.simulator = simulator;
  }

  @Override
  public Mono<ComponentHealth> probe() {
    return Mono.fromSupplier(
        () -> {
          SandboxStatus status = simulator.status();
          return ComponentHealth.up(
              "workers",
              Map.of(
                  "isolation", status.bubblewrap() ? "bubblewrap" : "limits-only",
                  "live", Integer.toString(status.liveWorkers()),
                  "busy", Integer.toString(status.busyWorkers()),
                  "queued", Integer.toString(status.queuedRuns())));
        });
  }
}
