package com.fmugateway.adapter.out.fmi.sandbox.host;

import static com.fmugateway.adapter.out.fmi.sandbox.host.TestFmus.lastInteger;
import static com.fmugateway.adapter.out.fmi.sandbox.host.TestFmus.lastText;
import static com.fmugateway.domain.simulation.model.SimulationFailedException.Cause.CRASHED;
import static com.fmugateway.domain.simulation.model.SimulationFailedException.Cause.RESOURCE_LIMIT;
import static com.fmugateway.domain.simulation.model.SimulationFailedException.Cause.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every hostile fixture (src/test/c/hostile) through one sandbox. Each run must end the way
 * its test expects without harming this JVM (the gateway) or its host, and after each the same
 * sandbox must still run an ordinary model. Needs Linux and bubblewrap, like production.
 *
 * <p>Failsafe gives this JVM a small heap, so a sandbox that buffers a flood fails here with an
 * OutOfMemoryError, and a canary secret in its environment (both in adapters-fmi/pom.xml).
 */
class HostileFmuIT {

  /** Stands for the gateway's real secrets (database password, payment keys). */
  private static final String CANARY = "FMU_GATEWAY_TEST_DATABASE_PASSWORD";

  /** Plan timeout for the fixtures that never return by themselves. */
  private static final Duration SHORT = Duration.ofSeconds(3);

  /**
   * Long enough to touch gigabytes of pages on a loaded machine: the limit must be what ends it.
   */
  private static final Duration HOG = Duration.ofSeconds(30);

  /** Plan timeout for the floods: ample to drain them, so a TIMEOUT means the worker blocked. */
  private static final Duration FLOOD = Duration.ofSeconds(120);

  /** MiB per flood: more than this JVM's whole heap (-Xmx512m), so buffering it cannot pass. */
  private static final int FLOOD_MIB = 640;

  /** Beyond the plan's timeout, for starting and killing workers; only a broken sandbox waits. */
  private static final Duration GRACE = Duration.ofSeconds(60);

  /** How long killed processes may take to disappear. */
  private static final Duration EXIT_BOUND = Duration.ofSeconds(10);

  /** Room on top of maxLogBytes for the sandbox's "log truncated" marker. */
  private static final long MARKER_BYTES = 1024;

  /**
   * Forks the ForkBomb may make in all: far beyond any sane process limit, yet few enough that a
   * sandbox without one fails this test rather than the CI machine.
   */
  private static final int FORK_CEILING = 1000;

  /** Children the Spawner tries to fork, one after the other. */
  private static final int SPAWN_ATTEMPTS = 100;

  /** "A handful" of processes (issue 12): the most a worker may ever start. */
  private static final int MAX_SPAWNED = 16;

  private static final int EPERM = 1;
  private static final int EAGAIN = 11;

  /**
   * All the worker's environment may hold (bubblewrap itself sets PWD). Extend it only with what
   * the sandbox documents.
   */
  private static final Set<String> SANDBOX_ENVIRONMENT =
      Set.of("PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "TZ", "PWD");

  private static final List<String> SECRET_WORDS =
      List.of("DATABASE", "SECRET", "KEY", "STRIPE", "COINBASE", "PASSWORD", "TOKEN");

  /** Each would change how the worker JVM runs, e.g. attach an agent. */
  private static final Set<String> JVM_OPTION_VARIABLES =
      Set.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS");

  @TempDir static Path root;

  /** Outside the sandbox: where the tests plant secrets and aim writes. */
  private static Path hostFiles;

  private static SandboxSettings settings;
  private static SandboxedSimulator simulator;
  private static final List<SandboxFailure> failures = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startTheSandbox() throws IOException {
    hostFiles = Files.createDirectories(root.resolve("host"));
    Path workDir = Files.createDirectories(root.resolve("sandbox"));
    settings = requiringBubblewrap(SandboxSettings.defaults(workDir));
    simulator = new SandboxedSimulator(settings, failures::add);
    assertThat(simulator.status().bubblewrap())
        .as(
            "bubblewrap must be installed and usable (apt-get install bubblewrap): without it"
                + " these tests would check a weaker sandbox than production's")
        .isTrue();
  }

  @AfterAll
  static void closeTheSandbox() {
    if (simulator != null) {
      simulator.close();
    }
  }

  /** After every hostile run, however it ended, the same sandbox still runs ordinary models. */
  @AfterEach
  void theSandboxStillRunsAnOrdinaryModel() {
    SimulationJob job = TestFmus.bouncingBall();
    SimulationResult result;
    try {
      result = simulator.simulate(job).block(job.plan().timeout().plus(GRACE));
    } catch (SimulationFailedException e) {
      throw new AssertionError(
          "BouncingBall failed after the hostile run; last sandbox failures: " + recentFailures(),
          e);
    }
    assertThat(result).as("BouncingBall result").isNotNull();
    assertThat(result.time()).as("BouncingBall samples").hasSize(301);
  }

  @Test
  void segfaultInDoStep_simulate_failsAsCrashedBySignal11() {
    SimulationFailedException failure = failure(HostileJob.of("Segfault"));

    assertThat(failure.failureCause()).as(explained(failure)).isEqualTo(CRASHED);
    assertThat(failure.getMessage()).as(explained(failure)).contains("signal 11");
  }

  @Test
  void abortInDoStep_simulate_failsAsCrashedBySignal6() {
    SimulationFailedException failure = failure(HostileJob.of("Abort"));

    assertThat(failure.failureCause()).as(explained(failure)).isEqualTo(CRASHED);
    assertThat(failure.getMessage()).as(explained(failure)).contains("signal 6");
  }

  @Test
  void infiniteLoopInDoStep_simulate_failsAsTimeout() {
    SimulationFailedException failure = failure(HostileJob.of("InfiniteLoop").timeout(SHORT));

    assertThat(failure.failureCause()).as(explained(failure)).isEqualTo(TIMEOUT);
  }

  @Test
  void memoryHogInDoStep_simulate_failsAtTheMemoryLimit() {
    // The ceiling is the whole limit, which a confined worker cannot reach since its JVM takes
    // part of it: a hog that gets there and returns means the limit did not hold.
    long limitMiB = settings.addressSpaceBytes() >> 20;
    HostileJob hog =
        HostileJob.of("MemoryHog")
            .start("ceilingMiB", (int) Math.min(limitMiB, Integer.MAX_VALUE))
            .outputs("allocatedMiB")
            .timeout(HOG);

    SimulationFailedException failure = failure(hog);

    assertThat(failure.failureCause()).as(explained(failure)).isIn(RESOURCE_LIMIT, CRASHED);
  }

  @Test
  void forkBombInDoStep_simulate_failsAndLeavesNoProcessBehind() throws InterruptedException {
    // The run may take the spare; the spare started in its place is no leftover.
    LeftoverProcesses leftovers = LeftoverProcesses.snapshot(simulator::spareProcesses);

    SimulationFailedException failure =
        failure(HostileJob.of("ForkBomb").start("ceiling", FORK_CEILING).timeout(SHORT));

    assertThat(failure.failureCause())
        .as(explained(failure))
        .isIn(TIMEOUT, CRASHED, RESOURCE_LIMIT);
    await().atMost(Workers.WAIT).until(() -> simulator.status().spareWorkers() == 1);
    List<ProcessHandle> left = leftovers.awaitGone(EXIT_BOUND);
    assertThat(left)
        .as("still running %s after the run: %s", EXIT_BOUND, LeftoverProcesses.describe(left))
        .isEmpty();
  }

  @Test
  void spawnerInDoStep_simulate_startsNoProcessAndRunsNoOtherProgram() {
    SimulationResult result =
        success(
            HostileJob.of("Spawner")
                .start("attempts", SPAWN_ATTEMPTS)
                .outputs("forked", "forkError", "execError"));

    // An FMU has no business starting processes: the issue allows a handful, the filter none.
    assertThat(lastInteger(result, "forked")).isLessThanOrEqualTo(MAX_SPAWNED).isZero();
    assertThat(lastInteger(result, "forkError")).isEqualTo(EAGAIN);
    // Had the exec gone through, the worker would have become another program and the run failed.
    assertThat(lastInteger(result, "execError")).isEqualTo(EPERM);
  }

  @Test
  void networkProbeAimedAtLoopback_simulate_reachesNothing() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertProbeReachesNothing(server, "127.0.0.1");
    }
  }

  @Test
  void networkProbeAimedAtThisHostsOwnAddress_simulate_reachesNothing() throws IOException {
    // A private network namespace with a user-mode network (slirp, pasta) hides loopback but
    // can still reach the host's own addresses.
    Optional<InetAddress> address = hostAddress();
    assumeThat(address).as("this host has a non-loopback IPv4 address").isPresent();
    try (ServerSocket server = new ServerSocket(0, 50, address.get())) {
      assertProbeReachesNothing(server, address.get().getHostAddress());
    }
  }

  @Test
  void secretReaderAimedAtAHostFile_simulate_returnsNothingOfIt() throws IOException {
    String secret = "sk_live_" + UUID.randomUUID();
    Path file = Files.writeString(hostFiles.resolve("gateway-secret.txt"), secret);

    Outcome outcome =
        run(
            HostileJob.of("SecretReader")
                .start("path", file.toString())
                .outputs("content", "error"));

    assertThat(outcome.everythingReturned()).doesNotContain(secret);
  }

  @Test
  void secretReaderAimedAtTheGatewaysEnvironment_simulate_returnsNothingOfIt() {
    String canary = System.getenv(CANARY);
    assertThat(canary)
        .as("failsafe sets %s for this JVM (adapters-fmi/pom.xml)", CANARY)
        .isNotBlank();
    // Any process of the same user that sees this pid can read it, unless a user namespace of
    // its own keeps it from ptrace-level access.
    String environ = "/proc/" + ProcessHandle.current().pid() + "/environ";

    Outcome outcome =
        run(
            HostileJob.of("SecretReader")
                .start("path", environ)
                .start("limit", 65536)
                .outputs("content", "error"));

    assertThat(outcome.everythingReturned()).doesNotContain(canary);
  }

  @Test
  void fileWriterAimedAtAHostFolder_simulate_writesNothingThere() {
    assertFileWriterCannotCreate(hostFiles.resolve("planted-by-fmu.txt"));
  }

  @Test
  void fileWriterAimedAtTheSandboxWorkFolder_simulate_writesNothingThere() {
    // Other runs' FMUs are unpacked here; a write would tamper with them.
    assertFileWriterCannotCreate(settings.workDir().resolve("planted-by-fmu.txt"));
  }

  @Test
  void envReporter_simulate_seesNoneOfTheGatewaysEnvironment() {
    SimulationResult result = success(HostileJob.of("EnvReporter").outputs("env"));

    List<String> lines = lastText(result, "env").lines().toList();
    Set<String> names = lines.stream().map(HostileFmuIT::variableName).collect(Collectors.toSet());
    Set<String> inherited = new HashSet<>(System.getenv().keySet());
    inherited.removeAll(SANDBOX_ENVIRONMENT);
    assertThat(names).as("secret-like or JVM option variables").noneMatch(HostileFmuIT::risky);
    assertThat(names).as("variables of the gateway's own").doesNotContainAnyElementsOf(inherited);
    assertThat(names).as("variables the sandbox does not document").isSubsetOf(SANDBOX_ENVIRONMENT);
    lines.stream()
        .filter(line -> line.startsWith("HOME="))
        .map(line -> line.substring("HOME=".length()))
        .forEach(
            home ->
                assertThat(home)
                    .as("HOME must not be a real home")
                    .isNotEqualTo(System.getProperty("user.home"))
                    .isNotEqualTo("/root")
                    .doesNotStartWith("/home/"));
  }

  @Test
  void logFloodOnStdoutAndStderr_simulate_keepsItsLogWithinTheCap() {
    Outcome outcome =
        run(
            HostileJob.of("LogFlood")
                .start("streamMiB", FLOOD_MIB)
                .start("messages", 0)
                .timeout(FLOOD));

    if (outcome.failure() != null) {
      // TIMEOUT would mean the worker blocked on a full pipe nobody drained.
      assertThat(outcome.failure().failureCause())
          .as(explained(outcome.failure()))
          .isEqualTo(RESOURCE_LIMIT);
    }
    assertWithinLogCap(outcome);
  }

  @Test
  void logFloodThroughTheLogger_simulate_keepsItsLogWithinTheCap() {
    Outcome outcome =
        run(
            HostileJob.of("LogFlood")
                .start("streamMiB", 0)
                .start("messages", FLOOD_MIB)
                .timeout(FLOOD));

    // The engine's own logger (NativeFmi2Log) keeps what fits and counts the rest; FMI4j's, with
    // its 1000-byte buffer, aborted the worker at the first megabyte message.
    assertThat(outcome.failure()).as("failure").isNull();
    assertThat(outcome.fmuLog()).last().asString().contains("log truncated");
    assertWithinLogCap(outcome);
  }

  private static void assertProbeReachesNothing(ServerSocket server, String host)
      throws IOException {
    SimulationResult result =
        success(
            HostileJob.of("NetworkProbe")
                .start("target", host + ":" + server.getLocalPort())
                .outputs("connected", "error"));

    assertThat(lastInteger(result, "connected")).as("connected").isZero();
    assertThat(lastInteger(result, "error")).as("errno of the failed connect").isNotZero();
    // Had the FMU connected, the kernel would have completed and queued the connection before
    // the run returned, and accept() would return at once: the timeout bounds waiting for the
    // nothing expected, it is not a race.
    server.setSoTimeout(200);
    assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
  }

  private static void assertFileWriterCannotCreate(Path target) {
    SimulationResult result =
        success(
            HostileJob.of("FileWriter")
                .start("path", target.toString())
                .outputs("written", "error"));

    assertThat(lastInteger(result, "written")).as("written").isZero();
    assertThat(target).doesNotExist();
  }

  private static void assertWithinLogCap(Outcome outcome) {
    long cap = settings.maxLogBytes() + MARKER_BYTES;
    long logBytes = outcome.fmuLog().stream().mapToLong(HostileFmuIT::utf8Bytes).sum();
    assertThat(logBytes)
        .as("bytes of fmuLog (%d lines)", outcome.fmuLog().size())
        .isLessThanOrEqualTo(cap);
    if (outcome.failure() != null) {
      assertThat(utf8Bytes(outcome.failure().getMessage()))
          .as("bytes of the message")
          .isLessThanOrEqualTo(cap);
    }
  }

  private static SimulationFailedException failure(HostileJob job) {
    Outcome outcome = run(job);
    assertThat(outcome.failure())
        .as(
            "the run should have failed, but returned %s; last sandbox failures: %s",
            outcome.everythingReturned(), recentFailures())
        .isNotNull();
    return outcome.failure();
  }

  private static SimulationResult success(HostileJob job) {
    Outcome outcome = run(job);
    if (outcome.failure() != null) {
      throw new AssertionError(
          "the run should have succeeded, but failed: "
              + outcome.everythingReturned()
              + "; last sandbox failures: "
              + recentFailures(),
          outcome.failure());
    }
    return outcome.result();
  }

  private static Outcome run(HostileJob job) {
    try {
      SimulationResult result =
          simulator.simulate(job.job()).block(job.plan().timeout().plus(GRACE));
      assertThat(result).as("the simulator completed without a result").isNotNull();
      return new Outcome(result, null);
    } catch (SimulationFailedException e) {
      return new Outcome(null, e);
    }
  }

  /** What a run came back with: a result or a failure. */
  private record Outcome(SimulationResult result, SimulationFailedException failure) {

    List<String> fmuLog() {
      return result != null ? result.fmuLog() : failure.fmuLog();
    }

    /** Every text the caller gets back, for checks that nothing leaked through any of it. */
    String everythingReturned() {
      List<String> texts = new ArrayList<>(fmuLog());
      if (result != null) {
        for (Column column : result.columns()) {
          IntStream.range(0, column.size())
              .mapToObj(column::valueAt)
              .map(String::valueOf)
              .forEach(texts::add);
        }
      } else {
        texts.add(failure.failureCause() + ": " + failure.getMessage());
      }
      return String.join("\n", texts);
    }
  }

  /** The failure's message and what the sandbox reported lately, for assertion messages. */
  private static String explained(SimulationFailedException failure) {
    return failure.failureCause()
        + ": "
        + failure.getMessage()
        + "; last sandbox failures: "
        + recentFailures();
  }

  /** The last few failures the sandbox reported, for assertion messages. */
  private static List<SandboxFailure> recentFailures() {
    List<SandboxFailure> all = List.copyOf(failures);
    return all.subList(Math.max(0, all.size() - 3), all.size());
  }

  private static SandboxSettings requiringBubblewrap(SandboxSettings defaults) {
    return defaults.toBuilder().requireBubblewrap(true).build();
  }

  private static Optional<InetAddress> hostAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(HostileFmuIT::up)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
  }

  private static boolean up(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  private static String variableName(String line) {
    int equals = line.indexOf('=');
    return equals < 0 ? line : line.substring(0, equals);
  }

  private static boolean risky(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return JVM_OPTION_VARIABLES.contains(upper) || SECRET_WORDS.stream().anyMatch(upper::contains);
  }

  private static long utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
