package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Looks into an idle worker, left alive after one run, from the outside. */
class SandboxConfinementIT {

  @TempDir static Path workDir;
  @TempDir static Path uploads;

  private static SandboxedSimulator simulator;
  private static long jvm;
  private static int slot;
  private static Path root;

  @BeforeAll
  static void runOnce() throws IOException {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
    // As the gateway's upload store would hold it, next to other accounts' uploads.
    Path upload = uploads.resolve("BouncingBall.fmu");
    Files.copy(Jobs.archive("BouncingBall"), upload);
    Files.copy(Jobs.archive("VanDerPol"), uploads.resolve("VanDerPol.fmu"));
    FmuArtifact fmu = Jobs.upload("BouncingBall");
    simulator
        .simulate(
            Jobs.job(
                AccountId.random(),
                new FmuArtifact(fmu.id(), fmu.sha256(), upload, fmu.description(), false),
                Jobs.bouncingBall(FmuInterface.CO_SIMULATION)))
        .block(Workers.WAIT);
    jvm = Workers.jvmPid(Workers.only(simulator));
    slot = Workers.only(simulator).slot();
    root = Path.of("/proc", Long.toString(jvm), "root");
  }

  @AfterAll
  static void close() {
    simulator.close();
  }

  @Test
  void theWorkersEnvironment_holdsOnlyPathAndLang() {
    assertThat(Workers.environment(jvm))
        .containsExactlyInAnyOrder("PATH=/usr/bin:/bin", "LANG=C.UTF-8");
  }

  @Test
  void theWorker_hasNoNetworkButLoopback() {
    assertThat(Workers.namespace(Long.toString(jvm), "net"))
        .isNotEqualTo(Workers.namespace("self", "net"));
    assertThat(Workers.proc(jvm, "net/dev").lines().skip(2).map(l -> l.strip().split(":")[0]))
        .containsExactly("lo");
  }

  @Test
  void theWorker_hasItsOwnPidAndIpcNamespaces() {
    for (String kind : new String[] {"pid", "ipc", "uts"}) {
      assertThat(Workers.namespace(Long.toString(jvm), kind))
          .isNotEqualTo(Workers.namespace("self", kind));
    }
  }

  @Test
  void givenARootGateway_theWorkerRunsUnderItsSlotsUidWithoutCapabilities() {
    assumeThat(SandboxHost.detect().switchesUid()).as("root with setpriv").isTrue();
    String status = Workers.proc(jvm, "status");
    String uid = Integer.toString(WorkerCommand.UID_BASE + slot);

    assertThat(Workers.line(status, "Uid:").split("\\s+")).containsOnly("Uid:", uid);
    assertThat(Workers.line(status, "Gid:").split("\\s+")).containsOnly("Gid:", uid);
    for (String set : new String[] {"CapInh:", "CapPrm:", "CapEff:", "CapBnd:", "CapAmb:"}) {
      assertThat(Workers.line(status, set)).endsWith("0000000000000000");
    }
    assertThat(Workers.line(status, "NoNewPrivs:")).endsWith("1");
  }

  @Test
  void theWorker_hasTheConfiguredResourceLimits() {
    SandboxSettings settings = SandboxSettings.defaults(workDir);
    String limits = Workers.proc(jvm, "limits");

    assertThat(Workers.line(limits, "Max address space"))
        .containsPattern(" " + settings.addressSpaceBytes() + " +" + settings.addressSpaceBytes());
    assertThat(Workers.line(limits, "Max cpu time"))
        .containsPattern(
            " "
                + settings.cpuSeconds()
                + " +"
                + (settings.cpuSeconds() + WorkerCommand.CPU_HARD_LIMIT_GRACE_SECONDS)
                + " ");
    assertThat(Workers.line(limits, "Max open files"))
        .containsPattern(" " + settings.maxOpenFiles() + " +" + settings.maxOpenFiles());
    assertThat(Workers.line(limits, "Max processes"))
        .containsPattern(" " + settings.maxProcesses() + " +" + settings.maxProcesses());
    assertThat(Workers.line(limits, "Max file size"))
        .containsPattern(" " + settings.maxFileSizeBytes() + " +" + settings.maxFileSizeBytes());
    assertThat(Workers.line(limits, "Max core file size")).containsPattern(" 0 +0 ");
  }

  @Test
  void theWorkerSees_itsFmuAndNoneOfTheGatewaysFiles() throws IOException {
    assertThat(root.resolve("fmu/model.fmu")).hasSameBinaryContentAs(Jobs.archive("BouncingBall"));
    // A spare's warm-up FMU is gone before anyone's FMU arrives.
    try (Stream<Path> fmus = Files.list(root.resolve("fmu"))) {
      assertThat(fmus.map(p -> p.getFileName().toString())).containsExactly("model.fmu");
    }
    assertThat(root.resolve(workDir.toString().substring(1))).doesNotExist();
    assertThat(root.resolve(uploads.toString().substring(1))).doesNotExist();
    assertThat(root.resolve("home")).doesNotExist();
    assertThat(root.resolve("var")).doesNotExist();
    try (Stream<Path> etc = Files.list(root.resolve("etc"))) {
      assertThat(etc.map(p -> p.getFileName().toString()))
          .allMatch(
              name ->
                  name.startsWith("ld.so")
                      || name.equals("localtime")
                      || name.startsWith("java")
                      || name.equals("ssl"));
    }
  }

  @Test
  void theWorkersFiles_areReadOnlyExceptItsTmp() {
    String mounts = Workers.proc(jvm, "mounts");
    assertThat(mounts.lines().filter(l -> l.split(" ")[1].equals("/tmp")))
        .singleElement()
        .asString()
        .startsWith("tmpfs /tmp tmpfs rw,");
    assertThat(mounts.lines().filter(l -> l.split(" ")[1].equals("/fmu")))
        .singleElement()
        .asString()
        .contains(" ro,");
    assertThat(mounts.lines().filter(l -> l.split(" ")[1].equals("/usr")))
        .singleElement()
        .asString()
        .contains(" ro,");
  }
}
