package com.fmugateway.adapter.out.fmi.fmi3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FMI 3.0 hostile fixtures are valid FMUs up to the step that misbehaves. Only the harmless one
 * is stepped here; the others are for sandboxed workers, never for this JVM.
 */
class Fmi3HostileFixturesTest {

  @TempDir Path tempDir;

  @ParameterizedTest
  @ValueSource(strings = {"Segfault3", "InfiniteLoop3", "ForkBomb3", "NetworkProbe3"})
  void eachFixture_initializesLikeAnyCoSimulationFmu(String fixture) {
    try (Fmi3TestFmus.Loaded fmu = Fmi3TestFmus.load("hostile3", fixture, tempDir);
        Fmi3CoSimulation cs =
            Fmi3Instance.instantiateCoSimulation(
                fmu.fmu(), fixture, fmu.token(), false, false, null, line -> {})) {
      cs.enterInitializationMode(0);
      cs.exitInitializationMode();

      assertThat(cs.values().getFloat64(0)).as("time").isZero();
    }
  }

  @Test
  void networkProbe_connectsToTheTarget_andSendsLeak() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Fmi3TestFmus.Loaded fmu = Fmi3TestFmus.load("hostile3", "NetworkProbe3", tempDir);
        Fmi3CoSimulation cs =
            Fmi3Instance.instantiateCoSimulation(
                fmu.fmu(), "probe", fmu.token(), false, false, null, line -> {})) {
      server.setSoTimeout(10_000);
      cs.enterInitializationMode(0);
      cs.values().setString(new int[] {1}, "127.0.0.1:" + server.getLocalPort());
      cs.exitInitializationMode();

      cs.doStep(0, 1);

      // The kernel completed the connection already; accepting now just picks it up.
      try (Socket peer = server.accept();
          InputStream in = peer.getInputStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("LEAK");
      }
      assertThat(cs.values().getInt32(new int[] {2, 3}, 2)).containsExactly(1, 0);
    }
  }
}
