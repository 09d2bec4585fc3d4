package com.fmugateway.adapter.out.fmi.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the text FMI4j's native bridge prints into lines and hands each FMU message to the log of
 * the instance that wrote it; anything else passes through unchanged.
 *
 * <p>FMI4j 0.38 gives FMUs a logger that formats each message and {@code printf}s it to C's stdout
 * as {@code [FMI native bridge] status = S, instanceName = I, category = C: message}; it never
 * calls back into Java. Instance names are unique per run, so one router serves concurrent runs.
 */
final class FmuLogRouter {

  private static final Pattern BRIDGE_LINE =
      Pattern.compile(
          "\\[FMI native bridge] status = (\\w+), instanceName = (.*?), category = (.*?): (.*)");

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

  private void route(byte[] line) {
    String text = new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
    Matcher matcher = BRIDGE_LINE.matcher(text);
    FmuLog log = matcher.matches() ? logs.get(matcher.group(2)) : null;
    if (log == null) {
      passThrough.accept(line);
    } else {
      log.add(matcher.group(1), matcher.group(3), matcher.group(4));
    }
  }

  /** Ends one registration. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
