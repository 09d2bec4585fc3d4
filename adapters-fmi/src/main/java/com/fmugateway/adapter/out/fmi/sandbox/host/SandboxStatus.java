package com.fmugateway.adapter.out.fmi.sandbox.host;

/**
 * A snapshot of the sandbox for health checks and operators.
 *
 * @param bubblewrap whether workers run inside bubblewrap (false: resource limits only)
 * @param slots how many runs may execute at once
 * @param liveWorkers worker processes alive, busy or idle
 * @param busyWorkers workers running a simulation now
 * @param queuedRuns runs waiting for a worker
 */
public record SandboxStatus(
    boolean bubblewrap, int slots, int liveWorkers, int busyWorkers, int queuedRuns) {

  /** Every slot runs a simulation: a new run waits, however short it is. */
  public boolean saturated() {
    return busyWorkers >= slots;
  }
}
