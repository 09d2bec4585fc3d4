package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The sandbox's own threads, all daemons, so a forgotten simulator never keeps a JVM alive. */
final class SandboxThreads {

  private static final long IDLE_THREAD_SECONDS = 60;

  private SandboxThreads() {}

  /** Runs block from start to end; a full queue rejects the run, which then fails as overloaded. */
  static ThreadPoolExecutor runThreads(int threads, int queued) {
    BlockingQueue<Runnable> queue =
        queued == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queued);
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            IDLE_THREAD_SECONDS,
            TimeUnit.SECONDS,
            queue,
            named("fmu-sandbox-run-"),
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** Starts and warms up spare workers, one at a time, off the runs' threads. */
  static ThreadPoolExecutor spareStarts() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            IDLE_THREAD_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            named("fmu-sandbox-spare-"));
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /**
   * Starts every worker process, and lives as long as the sandbox. bubblewrap's {@code
   * --die-with-parent} has the kernel send it SIGKILL when the thread that started it ends ({@code
   * PR_SET_PDEATHSIG} follows the starting thread, not the JVM), so no worker may be started on a
   * thread that idles out: one started on a run thread died, mid-run or idle, 60 s after that
   * thread's last task.
   */
  static ExecutorService spawner() {
    return Executors.newSingleThreadExecutor(named("fmu-sandbox-spawner-"));
  }

  /** Run timeouts, the idle-worker reaper and the spares' top-up; none blocks. */
  static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor watchdog =
        new ScheduledThreadPoolExecutor(1, named("fmu-sandbox-watchdog-"));
    watchdog.setRemoveOnCancelPolicy(true);
    return watchdog;
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
