package com.fmugateway.adapter.out.fmi.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Splits the text FMI4j's native bridge prints into lines and hands each FMU message to the log of
 * the instance that wrote it; anything else passes through unchanged.
 *
 * <p>FMI4j 0.38 gives FMUs a logger that formats each message and {@code printf}s it to C's stdout
 * as {@code [FMI native bridge] status = S, instanceName = I, category = C: message}; it never
 * calls back into Java. Instance names are unique per run, so one router serves concurrent runs.
 */
final class FmuLogRouter {

  private static final String PREFIX = "[FMI native bridge] status = ";
  private static final String INSTANCE = ", instanceName = ";
  private static final String CATEGORY = ", category = ";
  private static final String MESSAGE = ": ";

  private final Map<String, FmuLog> logs = new ConcurrentHashMap<>();
  private final Consumer<byte[]> passThrough;
  private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();

  FmuLogRouter(Consumer<byte[]> passThrough) {
    this.passThrough = passThrough;
  }

  /** Sends the messages of {@code instanceName} to {@code log} until the returned handle closes. */
  Registration register(String instanceName, FmuLog log) {
    if (logs.putIfAbsent(instanceName, log) != null) {
      throw new IllegalStateException("instance name already in use: " + instanceName);
    }
    return () -> logs.remove(instanceName);
  }

  /** Takes the next bytes written to stdout; lines may arrive in several pieces. */
  synchronized void accept(byte[] bytes) {
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        partialLine.write(bytes, start, i + 1 - start);
        route(partialLine.toByteArray());
        partialLine.reset();
        start = i + 1;
      }
    }
    partialLine.write(bytes, start, bytes.length - start);
  }

  /**
   * One line: {@code [FMI native bridge] status = S, instanceName = I, category = C: message}, S a
   * word, I and C up to the first separator after them, goes to I's log; any other line passes
   * through. Parsed by hand: a regular expression's backtracking cost more than the rest of the
   * routing.
   */
  private void route(byte[] line) {
    String text = new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    int instance = text.startsWith(PREFIX) ? text.indexOf(INSTANCE, PREFIX.length()) : -1;
    int category = instance < 0 ? -1 : text.indexOf(CATEGORY, instance + INSTANCE.length());
    int message = category < 0 ? -1 : text.indexOf(MESSAGE, category + CATEGORY.length());
    String status = message < 0 ? "" : text.substring(PREFIX.length(), instance);
    FmuLog log =
        isWord(status) ? logs.get(text.substring(instance + INSTANCE.length(), category)) : null;
    if (log == null) {
      passThrough.accept(line);
    } else {
      log.add(
          status,
          text.substring(category + CATEGORY.length(), message),
          text.substring(message + MESSAGE.length()));
    }
  }

  private static boolean isWord(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean word =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!word) {
        return false;
      }
    }
    return true;
  }

  /** Ends one registration. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
