package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.engine.JaxbContexts;
import com.fmugateway.adapter.out.fmi.sandbox.worker.WorkerMain;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {

  private static final Path JAVA = SandboxHost.detect().java();
  private static final Optional<Path> BWRAP = Optional.of(Path.of("/usr/bin/bwrap"));
  private static final Optional<Path> SETPRIV = Optional.of(Path.of("/usr/bin/setpriv"));
  private static final WorkerClasspath CLASSPATH =
      new WorkerClasspath(List.of(Path.of("/opt/gw/classes"), Path.of("/opt/gw/lib/jna.jar")));
  private static final SandboxSettings SETTINGS = SandboxSettings.defaults(Path.of("/var/gw"));
  private static final WorkerLayout CONFINED =
      new WorkerLayout(Path.of("/var/gw/workers/w3-1"), true);

  @Test
  void givenARootGateway_theWorkerStartsLimitedThenSandboxedThenUnprivileged() {
    SandboxHost host = new SandboxHost(JAVA, BWRAP, SETPRIV, true);

    List<String> command = new WorkerCommand(SETTINGS, host, CLASSPATH).build(CONFINED, 3);

    assertThat(command.subList(0, 2)).containsExactly("/bin/sh", "-c");
    assertThat(command.get(2))
        .contains(
            "ulimit -c 0",
            "ulimit -v 2097152",
            "ulimit -S -t 600 && ulimit -H -t 605",
            "ulimit -n 256")
        .contains("ulimit -u 512", "ulimit -p 512", "ulimit -f 131072")
        .endsWith("exec nice -n 19 \"$@\"");
    assertThat(command.subList(3, 5)).containsExactly("sh", "/usr/bin/bwrap");
    assertThat(command)
        .contains("--unshare-net", "--unshare-pid", "--unshare-ipc", "--die-with-parent")
        .contains("--new-session", "--clearenv")
        .doesNotContain("--bind", "--dev-bind", "--share-net", "--unshare-all");
    assertContains(command, "--ro-bind", "/var/gw/workers/w3-1/fmu", "/fmu");
    assertContains(command, "--ro-bind", "/var/gw/workers/w3-1/sock", "/run/fmugw");
    assertContains(command, "--ro-bind", "/opt/gw/lib/jna.jar", "/opt/fmugw/classpath/1-jna.jar");
    assertContains(command, "--perms", "1777", "--size");
    String uid = Integer.toString(WorkerCommand.UID_BASE + 3);
    assertContains(command, "/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid);
    assertContains(
        command, "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "LANG=C.UTF-8", JAVA.toString());
    assertContains(command, "-Xmx256m", "-XX:MaxMetaspaceSize=128m");
    assertContains(command, "-Djava.io.tmpdir=/tmp");
    assertContains(command, "-Djavax.xml.bind.JAXBContextFactory=" + JaxbContexts.class.getName());
    assertContains(command, "-cp", "/opt/fmugw/classpath/0-classes:/opt/fmugw/classpath/1-jna.jar");
    assertThat(command.subList(command.size() - 2, command.size()))
        .containsExactly(WorkerMain.class.getName(), "/run/fmugw/gateway.sock");
  }

  @Test
  void givenAnUnprivilegedGateway_bubblewrapMakesItsOwnUserNamespaceAndNoUidIsSwitched() {
    SandboxHost host = new SandboxHost(JAVA, BWRAP, SETPRIV, false);

    List<String> command = new WorkerCommand(SETTINGS, host, CLASSPATH).build(CONFINED, 3);

    assertThat(command).contains("--unshare-all").doesNotContain("/usr/bin/setpriv", "--cap-add");
  }

  @Test
  void withoutBubblewrap_theWorkerStillGetsLimitsAndAnEmptyEnvironment() {
    SandboxHost host = new SandboxHost(JAVA, Optional.empty(), SETPRIV, true);
    WorkerLayout layout = new WorkerLayout(Path.of("/var/gw/workers/w3-1"), false);

    List<String> command = new WorkerCommand(SETTINGS, host, CLASSPATH).build(layout, 3);

    assertThat(command.subList(3, 8))
        .containsExactly("sh", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "LANG=C.UTF-8");
    assertContains(command, "-Djava.io.tmpdir=/var/gw/workers/w3-1/tmp");
    assertContains(command, "-cp", "/opt/gw/classes:/opt/gw/lib/jna.jar");
    assertThat(command.get(command.size() - 1)).isEqualTo("/var/gw/workers/w3-1/sock/gateway.sock");
  }

  private static void assertContains(List<String> command, String... run) {
    assertThat(Collections.indexOfSubList(command, List.of(run)))
        .as("%s in %s", List.of(run), command)
        .isNotNegative();
  }
}
