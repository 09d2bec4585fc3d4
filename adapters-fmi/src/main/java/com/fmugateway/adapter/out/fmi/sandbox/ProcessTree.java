package com.fmugateway.adapter.out.fmi.sandbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kills a worker's process tree and tells when it is gone, without polling.
 *
 * <p>Inside bubblewrap the gateway's child is bwrap's monitor, whose own child is the first process
 * of the worker's pid namespace. Killing that one makes the kernel kill and reap the whole
 * namespace before the monitor sees its child exit and exits too; so the monitor's exit, which the
 * JDK learns of at once, means every process of the worker is gone. The monitor is killed directly
 * only if it does not follow in time. Outside bubblewrap the child is the JVM itself.
 */
final class ProcessTree {

  private static final long MONITOR_GRACE_MILLIS = 2_000;

  private ProcessTree() {}

  /** Kills the tree under {@code process}; completes once {@code process} has exited. */
  static CompletableFuture<Process> kill(Process process, boolean confined) {
    // Collected first: once their parent dies, orphans are no longer its descendants.
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    if (confined && !descendants.isEmpty()) {
      process
          .onExit()
          .completeOnTimeout(null, MONITOR_GRACE_MILLIS, TimeUnit.MILLISECONDS)
          .thenRun(process::destroyForcibly);
    } else {
      process.destroyForcibly();
    }
    return process.onExit();
  }
}
