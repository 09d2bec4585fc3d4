package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways (or test contexts) may share a data folder: starting one must not delete the folders
 * of the other's live workers, only those a gateway that has ended left behind.
 */
class SandboxStartupIT {

  @TempDir Path workDir;

  @Test
  void startingUp_removesTheFoldersOfEndedGateways_andLeavesThoseOfRunningOnes() throws Exception {
    Path workers = workDir.resolve("workers");
    Path ended = worker(workers.resolve(Long.toString(endedProcess(), 36)));
    Path running = worker(workers.resolve(Long.toString(ProcessHandle.current().pid(), 36)));
    Path older = worker(workers.resolve("w0-abcd1"));

    SandboxStartup first = SandboxStartup.prepare(settings(), SandboxHost.detect());
    Path ownWorker = worker(first.workersDir().resolve("w1-efgh1"));
    SandboxStartup second = SandboxStartup.prepare(settings(), SandboxHost.detect());

    assertThat(ended).doesNotExist();
    assertThat(older).doesNotExist();
    assertThat(running).exists();
    assertThat(ownWorker).exists();
    assertThat(second.workersDir()).isEqualTo(first.workersDir());
    assertThat(first.warmUp().orElseThrow()).isRegularFile();
  }

  private SandboxSettings settings() {
    return Settings.in(workDir).bubblewrapOptional().build();
  }

  /** A worker's folder with its FMU folder and a file in it. */
  private static Path worker(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("w0-zzzz1/fmu"));
    Files.writeString(dir.resolve("w0-zzzz1/fmu/model.fmu"), "x");
    return dir.resolve("w0-zzzz1/fmu/model.fmu");
  }

  /** The pid of a process that has exited. */
  private static long endedProcess() throws Exception {
    Process process = new ProcessBuilder("true").start();
    process.waitFor();
    return process.pid();
  }
}
