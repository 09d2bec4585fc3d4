package com.fmugateway.adapter.out.fmi.sandbox.host;

import static com.fmugateway.adapter.out.fmi.sandbox.host.TestFmus.lastInteger;
import static com.fmugateway.adapter.out.fmi.sandbox.host.TestFmus.lastText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.engine.SimulationEngine;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile fixtures whose sandboxed runs are expected to come back harmless really do harm when
 * nothing confines them: run here in-process, without the sandbox. Without this, a fixture that
 * silently did nothing would make its sandbox test pass. (The crashing, hanging and hogging
 * fixtures need no such check: their sandbox tests expect a failure a do-nothing FMU cannot
 * produce, and they cannot be run in this JVM.)
 */
class UnconfinedHostileFmuTest {

  private final SimulationEngine engine = new SimulationEngine();

  @Test
  void unconfinedSecretReaderReturnsTheFileItIsPointedAt(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "correct horse battery staple");

    SimulationResult result =
        run(HostileJob.of("SecretReader").start("path", secret.toString()).outputs("content"));

    assertThat(lastText(result, "content")).isEqualTo("correct horse battery staple");
  }

  @Test
  void unconfinedFileWriterCreatesTheFileItIsPointedAt(@TempDir Path dir) {
    Path target = dir.resolve("planted.txt");

    SimulationResult result =
        run(HostileJob.of("FileWriter").start("path", target.toString()).outputs("written"));

    assertThat(lastInteger(result, "written")).isOne();
    assertThat(target).exists();
  }

  @Test
  void unconfinedNetworkProbeConnectsToALocalServerAndSendsLeak() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SimulationResult result =
          run(
              HostileJob.of("NetworkProbe")
                  .start("target", "127.0.0.1:" + server.getLocalPort())
                  .outputs("connected"));

      assertThat(lastInteger(result, "connected")).isOne();
      // The connection is complete and queued by now; the timeout only guards a broken test.
      server.setSoTimeout(10_000);
      try (Socket accepted = server.accept();
          InputStream in = accepted.getInputStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("LEAK");
      }
    }
  }

  @Test
  void unconfinedEnvReporterReturnsTheEnvironmentOfThisJvm() {
    SimulationResult result = run(HostileJob.of("EnvReporter").outputs("env"));

    assertThat(lastText(result, "env").lines()).contains("PATH=" + System.getenv("PATH"));
  }

  private SimulationResult run(HostileJob job) {
    return engine.run(job.fmu().archive(), job.fmu().description(), job.plan());
  }
}
