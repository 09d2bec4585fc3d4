package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.engine.JaxbContexts;
import com.fmugateway.adapter.out.fmi.sandbox.worker.WorkerMain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The command line of one worker: a shell that sets the resource limits and execs bubblewrap (when
 * installed), which runs {@code setpriv} (when the gateway is root) to switch to the worker's own
 * uid, which execs the JVM.
 */
final class WorkerCommand {

  /**
   * Worker uids are {@code UID_BASE + slot}, far above any uid a distribution or a container's
   * subordinate range hands out. One uid per slot, because RLIMIT_NPROC counts all processes of a
   * uid: a fork bomb in one worker must not starve the others.
   */
  static final int UID_BASE = 1_600_000_000;

  /**
   * How far the hard CPU limit lies past the soft one. At the soft limit Linux sends SIGXCPU, which
   * ends the worker's JVM and which {@link ExitDiagnosis} reports as the CPU limit; the hard limit
   * (SIGKILL) is for a process that ignores SIGXCPU. Equal limits would send SIGKILL at once, which
   * reads as a crash.
   */
  static final int CPU_HARD_LIMIT_GRACE_SECONDS = 5;

  /**
   * Small and quick to start. SerialGC and C1 keep threads and reserved memory down, so the JVM
   * starts well under the address-space limit; the crash report goes to the console we drain.
   */
  private static final List<String> JVM_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xss512k",
          "-Xmx256m",
          "-XX:MaxMetaspaceSize=128m",
          "-XX:CompressedClassSpaceSize=64m",
          "-XX:ReservedCodeCacheSize=32m",
          "-XX:TieredStopAtLevel=1",
          "-XX:+DisableExplicitGC",
          "-Xshare:auto",
          "-XX:-UsePerfData",
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:-CreateCoredumpOnCrash",
          "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
          "-Dslf4j.internal.verbosity=WARN",
          // FMI4j would build two JAXB contexts for every FMU it loads.
          "-D" + JaxbContexts.PROPERTY + "=" + JaxbContexts.PROPERTY_VALUE);

  /** The whole environment of a worker: nothing of the gateway's (database URL, keys) leaks. */
  static final List<String> ENVIRONMENT = List.of("PATH=/usr/bin:/bin", "LANG=C.UTF-8");

  private final SandboxSettings settings;
  private final SandboxHost host;
  private final WorkerClasspath classpath;
  private final Optional<BubblewrapArguments> bubblewrap;

  WorkerCommand(SandboxSettings settings, SandboxHost host, WorkerClasspath classpath) {
    this.settings = settings;
    this.host = host;
    this.classpath = classpath;
    this.bubblewrap =
        host.confines() ? Optional.of(new BubblewrapArguments(host, classpath)) : Optional.empty();
  }

  /** The uid a worker in {@code slot} runs under, when the gateway switches uids at all. */
  OptionalInt uid(int slot) {
    return host.switchesUid() ? OptionalInt.of(UID_BASE + slot) : OptionalInt.empty();
  }

  List<String> build(WorkerLayout layout, int slot) {
    List<String> command = confinement(layout, slot);
    // bwrap sets PWD even after --clearenv; env -i leaves exactly these variables.
    command.addAll(List.of("/usr/bin/env", "-i"));
    command.addAll(ENVIRONMENT);
    command.add(host.java().toString());
    command.addAll(JVM_FLAGS);
    command.add("-Djava.io.tmpdir=" + layout.tmpForWorker());
    command.add("-XX:ErrorFile=" + layout.tmpForWorker() + "/hs_err_%p.log");
    command.addAll(
        List.of("-cp", classpath.argument(layout.confined()), WorkerMain.class.getName()));
    command.add(layout.socketForWorker());
    return command;
  }

  /** Everything before the JVM: what any program run in the worker's place would get. */
  List<String> confinement(WorkerLayout layout, int slot) {
    List<String> command = new ArrayList<>(limits());
    bubblewrap.ifPresent(b -> command.addAll(b.forWorker(layout)));
    OptionalInt uid = uid(slot);
    if (uid.isPresent()) {
      String id = Integer.toString(uid.getAsInt());
      command.addAll(
          List.of(
              host.setpriv().orElseThrow().toString(),
              "--reuid=" + id,
              "--regid=" + id,
              "--clear-groups",
              "--inh-caps=-all",
              "--bounding-set=-all",
              "--"));
    }
    return command;
  }

  /**
   * Hard and soft limits, set by {@code sh} as the one tool every host has. Shells disagree on the
   * flag for processes (bash {@code -u}, dash {@code -p}); {@code -f} counts 512-byte blocks in
   * POSIX shells, {@code -v} KiB.
   */
  private List<String> limits() {
    String script =
        String.join(
            " && ",
            // bwrap's directories must come out as asked, whatever the gateway's umask.
            "umask 022",
            "ulimit -c 0",
            "ulimit -v " + (settings.addressSpaceBytes() / 1024),
            // The soft limit first: a hard limit below the soft one is refused.
            "ulimit -S -t " + settings.cpuSeconds(),
            "ulimit -H -t " + (settings.cpuSeconds() + CPU_HARD_LIMIT_GRACE_SECONDS),
            "ulimit -n " + settings.maxOpenFiles(),
            "{ ulimit -u "
                + settings.maxProcesses()
                + " 2>/dev/null"
                + " || ulimit -p "
                + settings.maxProcesses()
                + "; }",
            "ulimit -f " + (settings.maxFileSizeBytes() / 512),
            // Under CPU contention the gateway, and its watchdog, come first.
            "exec nice -n 19 \"$@\"");
    return List.of("/bin/sh", "-c", script, "sh");
  }
}
