package com.fmugateway.adapter.out.fmi.fmi3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import no.ntnu.ihb.fmi4j.FmiStatus;
import no.ntnu.ihb.fmi4j.importer.fmi2.CoSimulationSlave;
import no.ntnu.ihb.fmi4j.importer.fmi2.Fmu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BouncingBall3 is the FMI 2.0 BouncingBall on FMI 3.0: run side by side in co-simulation at the
 * same settings, FMI 2.0 through FMI4j and FMI 3.0 through our binding, they agree at every
 * communication point, bounces and coming to rest included. This is what makes a benchmark of the
 * two standards on this model meaningful.
 */
class Fmi3VersusFmi2BouncingBallTest {

  private static final long[] FMI2_H_V = {0, 2};
  private static final int[] FMI3_H_V = {1, 3};
  private static final double STEP = 0.01;
  private static final int STEPS = 300;

  @TempDir Path tempDir;

  @Test
  void fmi2AndFmi3CoSimulation_agreeAtEveryCommunicationPoint() throws Exception {
    double[][] fmi2 = fmi2Trajectory();
    double[][] fmi3 = fmi3Trajectory();

    for (int k = 0; k <= STEPS; k++) {
      assertThat(fmi3[k][0]).as("h at step %d", k).isCloseTo(fmi2[k][0], within(1e-9));
      assertThat(fmi3[k][1]).as("v at step %d", k).isCloseTo(fmi2[k][1], within(1e-9));
    }
    assertThat(fmi3[STEPS]).as("at rest at 3 s").containsExactly(0.0, 0.0);
  }

  private double[][] fmi2Trajectory() throws Exception {
    Path archive = Path.of(getClass().getResource("/fmi/library/BouncingBall.fmu").toURI());
    double[][] samples = new double[STEPS + 1][2];
    try (Fmu fmu = Fmu.from(archive.toFile())) {
      CoSimulationSlave slave = fmu.asCoSimulationFmu().newInstance("ball2", false, false);
      try {
        assertThat(slave.setupExperiment(0, 3, 1e-6)).isTrue();
        assertThat(slave.enterInitializationMode()).isTrue();
        assertThat(slave.exitInitializationMode()).isTrue();
        for (int k = 0; k <= STEPS; k++) {
          if (k > 0) {
            assertThat(slave.doStep((k - 1) * STEP, STEP)).isTrue();
          }
          assertThat(slave.readReal(FMI2_H_V, samples[k])).isEqualTo(FmiStatus.OK);
        }
      } finally {
        slave.close();
      }
    }
    return samples;
  }

  private double[][] fmi3Trajectory() {
    double[][] samples = new double[STEPS + 1][];
    try (Fmi3TestFmus.Loaded fmu = Fmi3TestFmus.load("BouncingBall3", tempDir);
        Fmi3CoSimulation cs =
            Fmi3Instance.instantiateCoSimulation(
                fmu.fmu(), "ball3", fmu.token(), false, false, null, line -> {})) {
      cs.enterInitializationMode(0);
      cs.exitInitializationMode();
      for (int k = 0; k <= STEPS; k++) {
        if (k > 0) {
          cs.doStep((k - 1) * STEP, STEP);
        }
        samples[k] = cs.values().getFloat64(FMI3_H_V, 2);
      }
    }
    return samples;
  }
}
