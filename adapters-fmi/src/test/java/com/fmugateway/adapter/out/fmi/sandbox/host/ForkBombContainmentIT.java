package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs shell scripts in a worker's place, under exactly the confinement a worker gets, to show what
 * holds a fork bomb: the process limit of the worker's own uid, and the pid namespace that dies
 * with the process the gateway started.
 */
class ForkBombContainmentIT {

  private static final int MAX_PROCESSES = 20;
  private static final int FORKS = 60;

  /** Slots no simulator in this JVM uses, one per test, so each uid has no other processes. */
  private static final int COUNTING_SLOT = 57;

  private static final int KILLING_SLOT = 58;
  private static final int BOMB_SLOT = 59;

  private static final String FORK_LOOP =
      "i=0; while [ $i -lt " + FORKS + " ]; do sleep 30 & echo forked; i=$((i+1)); done";

  @TempDir Path workDir;

  private final List<Process> sandboxes = new ArrayList<>();

  /** A test that fails half-way must not leave its processes to the next one's uid count. */
  @AfterEach
  void killSandboxes() throws Exception {
    for (Process sandbox : sandboxes) {
      ProcessTree.killAll(sandbox).get(Workers.WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  @Test
  void givenARootGateway_theWorkersUidCannotForkPastItsProcessLimit() throws Exception {
    SandboxHost host = SandboxHost.detect();
    assumeThat(host.switchesUid()).as("root with bubblewrap and setpriv").isTrue();

    List<String> output = run(host, FORK_LOOP, COUNTING_SLOT);

    long forked = output.stream().filter("forked"::equals).count();
    // The shell itself is one of the uid's processes.
    assertThat(forked).isEqualTo(MAX_PROCESSES - 1);
    assertThat(String.join("\n", output)).containsIgnoringCase("fork");
  }

  @Test
  void withoutTheUidSwitch_rootIgnoresTheProcessLimit_whichIsWhySetprivIsThere() throws Exception {
    SandboxHost detected = SandboxHost.detect();
    assumeThat(detected.root() && detected.confines()).as("root with bubblewrap").isTrue();
    SandboxHost rootInside =
        new SandboxHost(detected.java(), detected.bubblewrap(), Optional.empty(), true);

    List<String> output = run(rootInside, FORK_LOOP, COUNTING_SLOT);

    assertThat(output.stream().filter("forked"::equals).count()).isEqualTo(FORKS);
  }

  @Test
  void killingTheProcessTheGatewayStarted_killsEveryProcessInTheSandbox() throws Exception {
    SandboxHost host = SandboxHost.detect();
    assumeThat(host.confines()).as("bubblewrap").isTrue();
    Process sandbox =
        start(host, "sleep 600 & sleep 600 & (sleep 600 &) ; echo ready; wait", KILLING_SLOT);
    assertThat(reader(sandbox).readLine()).isEqualTo("ready");
    // The third sleep was orphaned at once; outside a pid namespace it would belong to init.
    List<ProcessHandle> inside =
        await()
            .atMost(Workers.WAIT)
            .until(
                () -> sandbox.descendants().toList(),
                processes ->
                    processes.stream()
                            .filter(p -> p.info().command().orElse("").endsWith("/sleep"))
                            .count()
                        == 3);

    sandbox.destroyForcibly();

    assertThat(Workers.allExit(inside)).isTrue();
  }

  @Test
  void aSpinningForkBomb_isAllGoneWhenItsProcessTreeKillCompletes() throws Exception {
    SandboxHost host = SandboxHost.detect();
    // Only the uid switch bounds the bomb; without it, it would take the machine.
    assumeThat(host.switchesUid()).as("root with bubblewrap and setpriv").isTrue();
    // Forks spinning copies until the process limit refuses, then waits, keeping them alive.
    String bomb =
        "sleep 600 & (while :; do (while :; do :; done) & done) 2>/dev/null; echo ready; wait";
    Process sandbox = start(host, bomb, BOMB_SLOT);
    assertThat(reader(sandbox).readLine()).isEqualTo("ready");
    ProcessTree tree = ProcessTree.of(sandbox, true);
    List<ProcessHandle> inside = sandbox.descendants().toList();

    tree.kill().get(Workers.WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(tree.namespaceInit()).isPresent();
    assertThat(inside).hasSizeGreaterThanOrEqualTo(MAX_PROCESSES).noneMatch(ProcessHandle::isAlive);
  }

  private List<String> run(SandboxHost host, String script, int slot) throws Exception {
    Process sandbox = start(host, script, slot);
    List<String> output = new ArrayList<>();
    try (BufferedReader lines = reader(sandbox)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.add(line);
      }
    }
    assertThat(sandbox.waitFor(Workers.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    return output;
  }

  private Process start(SandboxHost host, String script, int slot) throws IOException {
    SandboxSettings settings =
        Settings.in(workDir).processes(MAX_PROCESSES).bubblewrapOptional().build();
    SandboxStartup startup = SandboxStartup.prepare(settings, host);
    WorkerLayout layout = WorkerLayout.create(startup.workersDir().resolve("fork"), true);
    layout.install(Jobs.archive("BouncingBall"));
    List<String> command = new ArrayList<>(startup.command().confinement(layout, slot));
    command.addAll(List.of("/bin/sh", "-c", script));
    Process sandbox = new ProcessBuilder(command).redirectErrorStream(true).start();
    sandboxes.add(sandbox);
    return sandbox;
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }
}
