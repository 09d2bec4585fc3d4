package com.fmugateway.adapter.out.fmi.fmi3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fmi3StateSpaceTest {

  private static final int A = 1;
  private static final int B = 2;
  private static final int D = 4;
  private static final int U = 5;
  private static final int X = 6;
  private static final int DER_X = 7;
  private static final int Y = 8;

  @TempDir Path tempDir;
  private Fmi3TestFmus.Loaded fmu;

  @BeforeEach
  void load() {
    fmu = Fmi3TestFmus.load("StateSpace3", tempDir);
  }

  @AfterEach
  void unload() {
    fmu.close();
  }

  @Test
  void arrayParametersAndInputs_setInInitialization_giveY() {
    try (Fmi3CoSimulation cs =
        Fmi3Instance.instantiateCoSimulation(
            fmu.fmu(), "ss", fmu.token(), false, false, null, line -> {})) {
      cs.enterInitializationMode(0);
      cs.values().setFloat64(new int[] {D}, 1, 0, 0, 1, 0, 0);
      cs.values().setFloat64(new int[] {U}, 2, 3);
      cs.values().setFloat64(new int[] {X}, 1, 2, 3);
      cs.exitInitializationMode();

      // y = C x + D u with C = I
      assertThat(cs.values().getFloat64(new int[] {Y}, 3)).containsExactly(3.0, 5.0, 3.0);
      // der(x) = A x + B u = (-1 + 2, -4 + 3, -9 + 2 + 3)
      assertThat(cs.values().getFloat64(new int[] {DER_X}, 3)).containsExactly(1.0, -1.0, -4.0);
      assertThat(cs.values().getFloat64(new int[] {A, B}, 15))
          .startsWith(-1, 0, 0, 0, -2, 0, 0, 0, -3)
          .endsWith(1, 0, 0, 1, 1, 1);
    }
  }

  @Test
  void coSimulation_followsTheExponentialDecay() {
    try (Fmi3CoSimulation cs =
        Fmi3Instance.instantiateCoSimulation(
            fmu.fmu(), "ss", fmu.token(), false, false, null, line -> {})) {
      cs.enterInitializationMode(0);
      cs.exitInitializationMode();
      double t = 0;
      for (int k = 0; k < 10; k++) {
        t = cs.doStep(t, 0.1).lastSuccessfulTime();
      }

      assertThat(t).isCloseTo(1.0, within(1e-12));
      double[] y = cs.values().getFloat64(new int[] {Y}, 3);
      assertThat(y[0]).isCloseTo(Math.exp(-1), within(1e-10));
      assertThat(y[1]).isCloseTo(Math.exp(-2), within(1e-10));
      assertThat(y[2]).isCloseTo(Math.exp(-3), within(1e-10));
    }
  }

  @Test
  void directionalDerivatives_areTheMatrices() {
    try (Fmi3ModelExchange me =
        Fmi3Instance.instantiateModelExchange(fmu.fmu(), "ss", fmu.token(), line -> {})) {
      me.enterInitializationMode(0);
      me.values().setFloat64(new int[] {A}, 1, 2, 3, 4, 5, 6, 7, 8, 9);
      me.exitInitializationMode();

      assertThat(me.numberOfContinuousStates()).isEqualTo(3);
      // A times (1, 0, -1), then B times (1, 2)
      assertThat(
              me.getDirectionalDerivative(
                  new int[] {DER_X}, new int[] {X}, new double[] {1, 0, -1}, 3))
          .containsExactly(-2.0, -2.0, -2.0);
      assertThat(
              me.getDirectionalDerivative(
                  new int[] {DER_X, Y}, new int[] {U}, new double[] {1, 2}, 6))
          .containsExactly(1.0, 2.0, 3.0, 0.0, 0.0, 0.0);
    }
  }
}
