package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Processes a run may leave behind: descendants of this JVM that were not there at the snapshot,
 * and ForkBomb children (or whatever {@link #orAnywhere} names) wherever they are. Those are named
 * {@value #FORK_BOMB_CHILD} and looked up by name too, because a child whose parent was killed is
 * re-parented to init (or a subreaper) and is then no descendant of this JVM, though it still runs.
 * Linux only: names come from /proc.
 */
final class LeftoverProcesses {

  /** What the ForkBomb fixture calls its children (prctl PR_SET_NAME). */
  static final String FORK_BOMB_CHILD = "hostile-fork";

  private final Set<ProcessHandle> before;
  private final Supplier<Set<ProcessHandle>> expected;
  private final Predicate<ProcessHandle> anywhere;

  private LeftoverProcesses(
      Set<ProcessHandle> before,
      Supplier<Set<ProcessHandle>> expected,
      Predicate<ProcessHandle> anywhere) {
    this.before = before;
    this.expected = expected;
    this.anywhere = anywhere;
  }

  /** Remembers the descendants this JVM has now, idle sandbox workers included. */
  static LeftoverProcesses snapshot() {
    return snapshot(Set::of);
  }

  /**
   * As {@link #snapshot()}, and never counts what {@code expected} names when asked: the spare
   * workers a simulator starts when a slot frees, for instance.
   */
  static LeftoverProcesses snapshot(Supplier<Set<ProcessHandle>> expected) {
    return new LeftoverProcesses(
        descendants().collect(Collectors.toSet()), expected, p -> FORK_BOMB_CHILD.equals(name(p)));
  }

  /** As this, and also counts every process {@code found} accepts, wherever it is. */
  LeftoverProcesses orAnywhere(Predicate<ProcessHandle> found) {
    return new LeftoverProcesses(before, expected, anywhere.or(found));
  }

  /** The living processes started since the snapshot, and every living ForkBomb child. */
  List<ProcessHandle> now() {
    Set<ProcessHandle> found = new LinkedHashSet<>();
    descendants().filter(p -> !before.contains(p)).forEach(found::add);
    ProcessHandle.allProcesses().filter(anywhere).forEach(found::add);
    found.removeAll(expected.get());
    return found.stream().filter(LeftoverProcesses::running).toList();
  }

  /**
   * Waits until {@link #now()} is empty or {@code bound} has passed, and returns what is left. Each
   * round waits on exit futures, not a fixed sleep, and looks again when one completes, because a
   * fork bomb can start new processes while its older ones are being killed.
   */
  List<ProcessHandle> awaitGone(Duration bound) throws InterruptedException {
    Instant deadline = Instant.now().plus(bound);
    List<ProcessHandle> left = now();
    while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
      CompletableFuture<?>[] exits =
          left.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
      try {
        CompletableFuture.anyOf(exits)
            .get(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // Checked once more below; what still runs then is the answer.
      } catch (ExecutionException e) {
        throw new IllegalStateException("waiting for a process to exit failed", e);
      }
      left = now();
    }
    return left;
  }

  /** Pid, name and parent of each, for an assertion message. */
  static String describe(List<ProcessHandle> processes) {
    return processes.stream()
        .map(
            p ->
                p.pid()
                    + " "
                    + name(p)
                    + " (parent "
                    + p.parent().map(ProcessHandle::pid).map(String::valueOf).orElse("?")
                    + ")")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static Stream<ProcessHandle> descendants() {
    return ProcessHandle.current().descendants();
  }

  /**
   * Alive and not a zombie. A zombie has already died; only its parent's wait is pending, and in a
   * container whose init never reaps, that wait never comes. ProcessHandle counts zombies as alive,
   * so the state is read from /proc.
   */
  static boolean running(ProcessHandle process) {
    return process.isAlive() && stat(process).map(s -> !s.startsWith("Z")).orElse(false);
  }

  /** The process name, the kernel's comm: at most 15 characters. */
  private static String name(ProcessHandle process) {
    return read(Path.of("/proc", String.valueOf(process.pid()), "comm"))
        .map(String::strip)
        .orElse("?");
  }

  /** /proc/<pid>/stat after the name, so from the state letter on; the name may hold anything. */
  static Optional<String> stat(ProcessHandle process) {
    return read(Path.of("/proc", String.valueOf(process.pid()), "stat"))
        .map(s -> s.substring(s.lastIndexOf(')') + 1).strip());
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException e) {
      return Optional.empty(); // gone in the meantime
    }
  }
}
