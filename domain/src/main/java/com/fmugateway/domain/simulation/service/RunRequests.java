package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A run request in a normal form (the resolved model id, start values in name order, numbers by
 * value), so the same run asked again, however it is spelled, reuses its pending checkout.
 */
final class RunRequests {

  private static final char SEPARATOR = '\u001f';

  private RunRequests() {}

  /** The run a simulate command asks for, whoever asks and however it is paid. */
  static String of(SimulateCommand command, String resolvedFmuId) {
    StringBuilder text = new StringBuilder("run").append(SEPARATOR).append(resolvedFmuId);
    for (OptionalDouble value :
        new OptionalDouble[] {
          command.startTime(), command.stopTime(), command.step(), command.rtol(), command.atol()
        }) {
      text.append(SEPARATOR).append(value.isPresent() ? number(value.getAsDouble()) : "-");
    }
    text.append(SEPARATOR);
    for (Map.Entry<String, Object> start : new TreeMap<>(command.startValues()).entrySet()) {
      Object value = start.getValue();
      text.append(start.getKey()).append('=').append(normal(value)).append(';');
    }
    text.append(SEPARATOR);
    for (SimulateCommand.SignalSpec signal : command.inputSignals()) {
      text.append(signal == null ? "-" : signal.name())
          .append(signal == null ? "" : Arrays.toString(signal.time()))
          .append(signal == null || signal.values() == null ? "" : normal(signal.values()))
          .append(signal == null ? "" : signal.interpolation())
          .append(';');
    }
    text.append(SEPARATOR).append(command.outputs());
    text.append(SEPARATOR).append(command.kpis());
    text.append(SEPARATOR).append(command.fmuInterface().orElse("-"));
    text.append(SEPARATOR).append(command.solver().orElse("-"));
    return text.toString();
  }

  /**
   * Numbers by value and exact: a whole number by its digits (64-bit integers must not meet a
   * double here), a float by its shortest decimal; lists element by element.
   */
  private static String normal(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(RunRequests::normal).collect(Collectors.joining(",", "[", "]"));
    }
    if (value instanceof BigInteger || value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return value instanceof Number n ? number(n.doubleValue()) : String.valueOf(value);
  }

  private static String number(double value) {
    return Double.isFinite(value)
        ? new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString()
        : Double.toString(value);
  }
}
