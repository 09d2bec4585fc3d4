package com.fmugateway.domain.simulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.shared.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class InputSignalTest {

  private static final double[] TIME = {0, 1, 3};
  private static final double[] VALUES = {0, 10, 30};

  @Test
  void linear_interpolatesBetweenSamplesAndHoldsOutside() {
    InputSignal signal = new InputSignal("u", TIME, VALUES, Interpolation.LINEAR);

    assertThat(signal.valueAt(-1)).isEqualTo(0);
    assertThat(signal.valueAt(0.5)).isEqualTo(5);
    assertThat(signal.valueAt(2)).isEqualTo(20);
    assertThat(signal.valueAt(3)).isEqualTo(30);
    assertThat(signal.valueAt(9)).isEqualTo(30);
  }

  @Test
  void hold_keepsTheLastSampleUntilTheNextOne() {
    InputSignal signal = new InputSignal("u", TIME, VALUES, Interpolation.HOLD);

    assertThat(signal.valueAt(0.999)).isEqualTo(0);
    assertThat(signal.valueAt(1)).isEqualTo(10);
    assertThat(signal.valueAt(2.5)).isEqualTo(10);
    assertThat(signal.valueAt(3)).isEqualTo(30);
  }

  @Test
  void breakpointsBetween_areTheSampleTimesStrictlyInside() {
    InputSignal signal = new InputSignal("u", TIME, VALUES, Interpolation.HOLD);

    assertThat(signal.breakpointsBetween(0, 3)).containsExactly(1);
    assertThat(signal.breakpointsBetween(1, 3)).isEmpty();
  }

  @Test
  void timesThatDoNotIncrease_areRejected() {
    assertThatThrownBy(
            () ->
                new InputSignal(
                    "u", new double[] {0, 1, 1}, new double[] {0, 1, 2}, Interpolation.HOLD))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("strictly increasing");
  }

  @Test
  void mismatchedLengthsAndNonFiniteValues_areRejected() {
    assertThatThrownBy(
            () -> new InputSignal("u", new double[] {0, 1}, new double[] {0}, Interpolation.HOLD))
        .hasMessageContaining("2 times but 1 values");
    assertThatThrownBy(
            () ->
                new InputSignal(
                    "u", new double[] {0, 1}, new double[] {0, Double.NaN}, Interpolation.HOLD))
        .hasMessageContaining("non-finite");
  }
}
