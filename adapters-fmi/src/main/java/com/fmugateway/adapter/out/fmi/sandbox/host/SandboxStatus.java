package com.fmugateway.adapter.out.fmi.sandbox.host;

/**
 * A snapshot of the sandbox for health checks and operators.
 *
 * @param bubblewrap whether workers run inside bubblewrap (false: resource limits only)
 * @param slots how many runs may execute at once
 * @param liveWorkers worker processes alive: busy, idle, spare, starting or dying
 * @param busyWorkers workers running a simulation now
 * @param spareWorkers workers started ahead of need and ready, nobody's yet
 * @param queuedRuns runs waiting for a worker
 * @param spareClaims runs since start-up that found no idle worker of their own and took a spare
 * @param coldStarts runs since start-up that found neither and waited for a new worker to start
 * @param prepared uploads since start-up that claimed a spare to make their first run ahead of need
 */
public record SandboxStatus(
    boolean bubblewrap,
    int slots,
    int liveWorkers,
    int busyWorkers,
    int spareWorkers,
    int queuedRuns,
    long spareClaims,
    long coldStarts,
    long prepared) {

  /** Every slot runs a simulation: a new run waits, however short it is. */
  public boolean saturated() {
    return busyWorkers >= slots;
  }
}
