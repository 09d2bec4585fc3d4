package com.fmugateway.adapter.out.fmi.fmi3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fmi3RobertsonTest {

  private static final int[] Y = {1, 2, 3};
  private static final int[] DER_Y = {4, 5, 6};
  private static final int K2 = 8;
  private static final Offset<Double> CLOSE = within(1e-12);

  @TempDir Path tempDir;
  private Fmi3TestFmus.Loaded fmu;
  private Fmi3ModelExchange me;

  @BeforeEach
  void start() {
    fmu = Fmi3TestFmus.load("Robertson3", tempDir);
    me = Fmi3Instance.instantiateModelExchange(fmu.fmu(), "robertson", fmu.token(), line -> {});
    me.enterInitializationMode(0);
    me.exitInitializationMode();
    me.updateDiscreteStates();
    me.enterContinuousTimeMode();
    me.setContinuousStates(0.9, 1e-5, 0.1);
  }

  @AfterEach
  void stop() {
    me.close();
    fmu.close();
  }

  @Test
  void derivatives_matchTheRateEquations() {
    // y1' = -0.04 * 0.9 + 1e4 * 1e-5 * 0.1 = -0.036 + 0.01
    // y2' =  0.036 - 0.01 - 3e7 * 1e-10    =  0.026 - 0.003
    // y3' =  3e7 * 1e-10
    double[] derivatives = me.getContinuousStateDerivatives();

    assertThat(derivatives[0]).isCloseTo(-0.026, CLOSE);
    assertThat(derivatives[1]).isCloseTo(0.023, CLOSE);
    assertThat(derivatives[2]).isCloseTo(0.003, CLOSE);
    assertThat(me.values().getFloat64(DER_Y, 3)).containsExactly(derivatives);
  }

  @Test
  void directionalDerivatives_giveTheExactJacobian_columnByColumn() {
    // J = [[-k1, k3 y3, k3 y2], [k1, -k3 y3 - 2 k2 y2, -k3 y2], [0, 2 k2 y2, 0]]
    double[][] expected = {{-0.04, 0.04, 0}, {1000, -1600, 600}, {0.1, -0.1, 0}};
    for (int j = 0; j < 3; j++) {
      double[] seed = new double[3];
      seed[j] = 1;

      double[] column = me.getDirectionalDerivative(DER_Y, Y, seed, 3);

      for (int i = 0; i < 3; i++) {
        assertThat(column[i]).as("J[%d][%d]", i, j).isCloseTo(expected[j][i], CLOSE);
      }
    }
  }

  @Test
  void aSeedCombination_isTheJacobianTimesTheSeed() {
    double[] product = me.getDirectionalDerivative(DER_Y, Y, new double[] {1, 2, 3}, 3);

    assertThat(product[0]).isCloseTo(-0.04 + 2000 + 0.3, CLOSE);
    assertThat(product[1]).isCloseTo(0.04 - 3200 - 0.3, CLOSE);
    assertThat(product[2]).isCloseTo(1200, CLOSE);
  }

  @Test
  void sensitivityToARateConstant_isAvailableToo() {
    // d(y2')/d(k2) = -y2^2, d(y3')/d(k2) = y2^2
    double[] column = me.getDirectionalDerivative(DER_Y, new int[] {K2}, new double[] {1}, 3);

    assertThat(column[0]).isZero();
    assertThat(column[1]).isCloseTo(-1e-10, within(1e-24));
    assertThat(column[2]).isCloseTo(1e-10, within(1e-24));
  }

  @Test
  void coSimulation_isNotOffered() {
    assertThatThrownBy(
            () ->
                Fmi3Instance.instantiateCoSimulation(
                    fmu.fmu(), "cs", fmu.token(), false, false, null, line -> {}))
        .isInstanceOf(Fmi3Exception.class);
  }
}
