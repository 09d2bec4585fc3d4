package com.fmugateway.domain.service;

import com.fmugateway.domain.port.in.SimulateCommand;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Fingerprints of requests that open checkouts: the same request, asked again, reuses the pending
 * checkout instead of opening a second one. Run requests are normalized first (the resolved model
 * id, start values in name order, numbers by value), so spelling does not make them differ.
 */
final class Fingerprints {

  private static final char SEPARATOR = '\u001f';

  private Fingerprints() {}

  static String of(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) SEPARATOR);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The run a simulate command asks for, whoever asks and however it is paid. */
  static String run(SimulateCommand command, String resolvedFmuId) {
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
