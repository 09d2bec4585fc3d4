package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fmu.model.ArrayDimension;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ContinuousStates;
import com.fmugateway.domain.fmu.model.DefaultExperiment;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.Interpolation;
import com.fmugateway.domain.simulation.port.in.SimulateCommand.SignalSpec;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Input signals checked against an FMI 3.0 model: exact integers, arrays, hold for non-floats. */
class InputSignalsTest {

  private static final ModelDescription MODEL = model();
  private static final double[] TWO_TIMES = {0, 1};

  @Test
  void int64AndUInt64Samples_areKeptExactly() {
    List<InputSignal> signals =
        InputSignals.check(
            List.of(
                spec("k", List.of(9007199254740993L, "-9223372036854775808"), null),
                spec("n", List.of(new BigInteger("18446744073709551615"), 0), "hold")),
            MODEL);

    assertThat(signals.get(0).values()).containsExactly(9007199254740993L, Long.MIN_VALUE);
    assertThat(signals.get(0).interpolation()).isEqualTo(Interpolation.HOLD);
    assertThat(Long.toUnsignedString((Long) signals.get(1).valueAt(0.5)))
        .isEqualTo("18446744073709551615");
  }

  @Test
  void anArrayInputsSamples_areArraysOfItsSizeFlattenedRowMajor() {
    List<InputSignal> signals =
        InputSignals.check(
            List.of(
                spec(
                    "u",
                    List.of(List.of(List.of(1, 2), List.of(3, 4)), List.of(0, 0, 0, 0)),
                    null)),
            MODEL);

    assertThat(signals.get(0).values().get(0)).isEqualTo(List.of(1.0, 2.0, 3.0, 4.0));
    assertThat(signals.get(0).interpolation()).isEqualTo(Interpolation.LINEAR);
    assertThat(signals.get(0).valueAt(0.5)).isEqualTo(List.of(0.5, 1.0, 1.5, 2.0));
  }

  @Test
  void aSampleOfTheWrongShapeOrOutOfRange_namesItsIndex() {
    assertRejected(
        spec("u", List.of(List.of(1, 2, 3, 4), List.of(1, 2, 3)), null),
        "inputSignals[0].values[1]",
        "must be an array of 4 values (row-major), but has 3");
    assertRejected(
        spec("u", List.of(1.0, 2.0), null), "inputSignals[0].values[0]", "must be an array");
    assertRejected(
        spec("n", List.of(0, new BigInteger("18446744073709551616")), null),
        "inputSignals[0].values[1]",
        "from 0 to 18446744073709551615 (UInt64)");
    assertRejected(
        spec("k", List.of(1, 9.007199254740994e15), null),
        "inputSignals[0].values[1]",
        "whole number (Int64)");
    assertRejected(spec("b", List.of(true, 1), null), "inputSignals[0].values[1]", "true or false");
  }

  @Test
  void aLineThroughAnIntegerOrBooleanInput_isRefusedWithTheReason() {
    assertRejected(
        spec("k", List.of(1, 2), "linear"),
        "inputSignals[0].interpolation",
        "'k' is a Int64 input, which is piecewise constant: use hold");
    assertRejected(
        spec("b", List.of(true, false), "linear"), "inputSignals[0].interpolation", "Boolean");
  }

  @Test
  void countsThatDoNotMatch_orAnythingButAnInput_areRefused() {
    assertRejected(
        spec("k", List.of(1), null), "inputSignals[0].values", "has 1 values for 2 times");
    assertRejected(spec("y", List.of(1, 2), null), "inputSignals[0].name", "not an input");
    assertRejected(spec("clk", List.of(1, 2), null), "inputSignals[0].name", "not an input");
  }

  @Test
  void binaryAndStringSamples_areHeldAsHexAndText() {
    List<InputSignal> signals =
        InputSignals.check(
            List.of(spec("bytes", List.of("CAFE", "00"), null), spec("s", List.of("a", "b"), null)),
            MODEL);

    assertThat(signals.get(0).values()).containsExactly("cafe", "00");
    assertThat(signals)
        .allSatisfy(s -> assertThat(s.interpolation()).isEqualTo(Interpolation.HOLD));
  }

  private static void assertRejected(SignalSpec spec, String field, String message) {
    assertThatThrownBy(() -> InputSignals.check(List.of(spec), MODEL))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo(field);
  }

  private static SignalSpec spec(String name, List<Object> values, String interpolation) {
    double[] time = values.size() == 1 ? TWO_TIMES : Arrays.copyOf(TWO_TIMES, values.size());
    return new SignalSpec(name, time, values, interpolation);
  }

  private static ModelDescription model() {
    return new ModelDescription(
        "3.0",
        "Typed",
        "{00000000-0000-0000-0000-000000000031}",
        Optional.empty(),
        Optional.empty(),
        Map.of(FmuInterface.CO_SIMULATION, "Typed"),
        0,
        List.of(
            input("k", 1, VariableType.INT64),
            input("n", 2, VariableType.UINT64),
            input("b", 3, VariableType.BOOLEAN),
            input("bytes", 4, VariableType.BINARY),
            input("s", 5, VariableType.STRING),
            array(input("u", 6, VariableType.FLOAT64)),
            input("clk", 7, VariableType.CLOCK),
            Models.variable(
                "y", 8, VariableType.FLOAT64, Causality.OUTPUT, Variability.CONTINUOUS, null)),
        DefaultExperiment.none(),
        ContinuousStates.unknown());
  }

  private static ModelVariable input(String name, long vr, VariableType type) {
    Variability variability = type.isFloat() ? Variability.CONTINUOUS : Variability.DISCRETE;
    return Models.variable(name, vr, type, Causality.INPUT, variability, null);
  }

  /** The variable as a 2 x 2 array. */
  private static ModelVariable array(ModelVariable v) {
    return new ModelVariable(
        v.name(),
        v.valueReference(),
        v.type(),
        v.causality(),
        v.variability(),
        v.initial(),
        v.start(),
        v.min(),
        v.max(),
        v.nominal(),
        v.unit(),
        v.description(),
        OptionalInt.empty(),
        List.of(ArrayDimension.fixed(2), ArrayDimension.fixed(2)),
        List.of(),
        Optional.empty());
  }
}
