package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.domain.health.model.ComponentHealth;
import com.fmugateway.domain.health.port.out.HealthProbe;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Reports the simulation workers: how they are confined, how busy they are, how many spares are
 * ready, and how many runs since start-up took a spare or waited for a worker to start. DEGRADED
 * while every slot is busy, since runs then queue behind whatever holds the slots (four slow runs
 * used to block the whole pool while this said UP).
 */
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
          Map<String, String> details =
              Map.of(
                  "isolation", status.bubblewrap() ? "bubblewrap" : "limits-only",
                  "slots", Integer.toString(status.slots()),
                  "live", Integer.toString(status.liveWorkers()),
                  "busy", Integer.toString(status.busyWorkers()),
                  "spare", Integer.toString(status.spareWorkers()),
                  "queued", Integer.toString(status.queuedRuns()),
                  "spare_claims", Long.toString(status.spareClaims()),
                  "cold_starts", Long.toString(status.coldStarts()),
                  "prepared", Long.toString(status.prepared()),
                  "saturated", Boolean.toString(status.saturated()));
          return status.saturated()
              ? ComponentHealth.degraded("workers", details)
              : ComponentHealth.up("workers", details);
        });
  }
}
