package com.fmugateway.adapter.out.fmi.sandbox.worker;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Gives a worker's scheduling group the worker's nice value, so that under CPU contention the
 * gateway comes first, as the gateway's {@code nice -n 19} means it to.
 *
 * <p>bubblewrap's {@code --new-session} puts the worker in a session of its own, and where the
 * kernel groups processes by session (autogroups, {@code /proc/sys/kernel/sched_autogroup_enabled})
 * a new session is a new group. The kernel shares the CPU between groups first, as equals whatever
 * their members' nice values, then within each group by nice value. So a worker at nice 19 alone in
 * its group weighed as much as the whole gateway: each busy FMU took as much CPU as all of it.
 * Setting the group's nice value as well restores the order asked for.
 *
 * <p>Only the gateway knows whether the worker has a session of its own; it says so by setting
 * {@link #PROPERTY}. Without it (no bubblewrap) the worker shares the gateway's group, which must
 * be left alone.
 */
public final class SchedulingGroup {

  /**
   * The system property that gives a worker in a session of its own the nice value for its group.
   */
  public static final String PROPERTY = "fmugw.worker.group-nice";

  /** This process's autogroup: its name and nice value, which its owner may raise. */
  private static final Path AUTOGROUP = Path.of("/proc/self/autogroup");

  /**
   * Unprivileged processes may change an autogroup's nice value once per 100 ms between them, on
   * the whole machine; the kernel answers "try again" inside that window. Workers starting at once
   * queue for it: ten a second get through.
   */
  private static final int ATTEMPTS = 200;

  private static final long PAUSE_MILLIS = 50;

  private SchedulingGroup() {}

  /**
   * Starts {@link #yieldToGateway} on a thread of its own, which writes to stderr why it failed, if
   * it did: the worker connects and serves meanwhile, as a worker whose group keeps nice 0 for a
   * while is no worse off than before. Called after the process filter is installed, which the
   * thread inherits.
   */
  static void yieldToGatewayInBackground() {
    String nice = System.getProperty(PROPERTY);
    if (nice == null) {
      return;
    }
    Thread thread =
        new Thread(
            () -> yieldToGateway(nice).ifPresent(why -> System.err.println("fmu worker: " + why)),
            "scheduling-group");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Gives this process's group the nice value {@code nice} (the value of {@link #PROPERTY}, null
   * when not set: nothing to do). Returns why not when that failed; empty when done, when there is
   * nothing to do, or where the kernel has no autogroups.
   */
  static Optional<String> yieldToGateway(String nice) {
    if (nice == null || !Files.exists(AUTOGROUP)) {
      return Optional.empty();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        Files.writeString(AUTOGROUP, nice);
        return Optional.empty();
      } catch (AccessDeniedException | NoSuchFileException e) {
        return Optional.of("cannot set the nice value of " + AUTOGROUP + ": " + e);
      } catch (IOException | RuntimeException e) {
        // Inside the kernel's window the write fails with EAGAIN, which Java's file channel
        // reports as a RuntimeException ("no bytes written").
        if (attempt == ATTEMPTS) {
          return Optional.of("cannot set the nice value of " + AUTOGROUP + ": " + e);
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
