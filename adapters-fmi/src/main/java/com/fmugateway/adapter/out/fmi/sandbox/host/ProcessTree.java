package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A worker's processes, looked up once when it has started, and how to kill them all: cheaply,
 * since a fork bomb may leave little CPU for the gateway; and knowing when they are gone, without
 * polling.
 *
 * <p>Inside bubblewrap the gateway's child is bwrap's monitor, whose own child is the first process
 * of the worker's pid namespace. Killing that one makes the kernel kill and reap the whole
 * namespace before the monitor sees its child exit and exits too; so the monitor's exit, which the
 * JDK learns of at once, means every process of the worker is gone. The monitor is killed directly
 * only if it does not follow in time. Outside bubblewrap the child is the JVM itself, and its
 * descendants are killed one by one, as far as they can still be found.
 *
 * @param process what the gateway started
 * @param namespaceInit the first process of the worker's pid namespace, inside bubblewrap
 * @param jvm the worker's JVM
 */
record ProcessTree(
    Process process, Optional<ProcessHandle> namespaceInit, Optional<ProcessHandle> jvm) {

  private static final long MONITOR_GRACE_MILLIS = 2_000;

  /** Looks up the processes of a worker that has come up. */
  static ProcessTree of(Process process, boolean confined) {
    if (!confined) {
      return new ProcessTree(process, Optional.empty(), Optional.of(process.toHandle()));
    }
    Optional<ProcessHandle> jvm =
        process
            .descendants()
            .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
            .findFirst();
    return new ProcessTree(process, process.children().findFirst(), jvm);
  }

  /** Kills every process of the worker; completes once all have exited. */
  CompletableFuture<Process> kill() {
    if (namespaceInit.isEmpty()) {
      return killAll(process);
    }
    namespaceInit.get().destroyForcibly();
    process
        .onExit()
        .completeOnTimeout(null, MONITOR_GRACE_MILLIS, TimeUnit.MILLISECONDS)
        .thenRun(process::destroyForcibly);
    return process.onExit();
  }

  /**
   * Kills {@code process} and every descendant it has, for a worker not fully up. The process is
   * stopped first, so it cannot start another while they are listed: bubblewrap's first process
   * clones the sandbox's init, which waits for the first one's go-ahead and binds itself to its
   * parent's life only after that; a clone missed by the list, its parent then killed, waited
   * forever. Its descendants are listed before any is killed: once their parent dies, orphans are
   * no longer its descendants. Inside bubblewrap killing the sandbox's init kills all the rest.
   */
  static CompletableFuture<Process> killAll(Process process) {
    ChildStop.stop(process);
    List<ProcessHandle> descendants = process.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    return process.onExit();
  }
}
