package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

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
      text.append(start.getKey())
          .append('=')
          .append(value instanceof Number n ? number(n.doubleValue()) : String.valueOf(value))
          .append(';');
    }
    text.append(SEPARATOR);
    for (SimulateCommand.SignalSpec signal : command.inputSignals()) {
      text.append(signal == null ? "-" : signal.name())
          .append(signal == null ? "" : Arrays.toString(signal.time()))
          .append(signal == null ? "" : Arrays.toString(signal.values()))
          .append(signal == null ? "" : signal.interpolation())
          .append(';');
    }
    text.append(SEPARATOR).append(command.outputs());
    text.append(SEPARATOR).append(command.kpis());
    text.append(SEPARATOR).append(command.fmuInterface().orElse("-"));
    text.append(SEPARATOR).append(command.solver().orElse("-"));
    return text.toString();
  }

  private static String number(double value) {
    return Double.isFinite(value)
        ? new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString()
        : Double.toString(value);
  }
}
