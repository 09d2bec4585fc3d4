package com.fmugateway.domain.simulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputSignalTest {

  private static final double[] TIME = {0, 1, 3};
  private static final double[] VALUES = {0, 10, 30};

  @Test
  void linear_interpolatesBetweenSamplesAndHoldsOutside() {
    InputSignal signal = new InputSignal("u", TIME, VALUES, Interpolation.LINEAR);

    assertThat(signal.valueAt(-1)).isEqualTo(0.0);
    assertThat(signal.valueAt(0.5)).isEqualTo(5.0);
    assertThat(signal.valueAt(2)).isEqualTo(20.0);
    assertThat(signal.valueAt(3)).isEqualTo(30.0);
    assertThat(signal.valueAt(9)).isEqualTo(30.0);
  }

  @Test
  void hold_keepsTheLastSampleUntilTheNextOne() {
    InputSignal signal = new InputSignal("u", TIME, VALUES, Interpolation.HOLD);

    assertThat(signal.valueAt(0.999)).isEqualTo(0.0);
    assertThat(signal.valueAt(1)).isEqualTo(10.0);
    assertThat(signal.valueAt(2.5)).isEqualTo(10.0);
    assertThat(signal.valueAt(3)).isEqualTo(30.0);
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

  @Test
  void aHeldInt64Signal_givesItsSamplesBackUntouched() {
    InputSignal signal =
        new InputSignal(
            "k", new double[] {0, 1}, List.of(9007199254740993L, -1L), Interpolation.HOLD);

    assertThat(signal.valueAt(0.5)).isEqualTo(9007199254740993L);
    assertThat(signal.valueAt(1)).isEqualTo(-1L);
  }

  @Test
  void aLinearArraySignal_interpolatesElementByElement() {
    InputSignal signal =
        new InputSignal(
            "u",
            new double[] {0, 2},
            List.of(List.of(0.0, 10.0), List.of(2.0, -10.0)),
            Interpolation.LINEAR);

    assertThat(signal.valueAt(0.5)).isEqualTo(List.of(0.5, 5.0));
    assertThat(signal.valueAt(3)).isEqualTo(List.of(2.0, -10.0));
  }

  @Test
  void aLineThroughWholeNumbersOrArraysOfTwoShapes_isRejected() {
    assertThatThrownBy(
            () -> new InputSignal("k", new double[] {0, 1}, List.of(1L, 2L), Interpolation.LINEAR))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot be interpolated linearly at index 0");
    assertThatThrownBy(
            () ->
                new InputSignal(
                    "u",
                    new double[] {0, 1},
                    List.of(List.of(1.0, 2.0), List.of(1.0)),
                    Interpolation.LINEAR))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("index 1");
  }
}
