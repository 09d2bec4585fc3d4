package com.fmugateway.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole gateway started as its own {@code java -jar} process (the jar Maven packages before the
 * integration tests), on 127.0.0.1 with a data folder of its own: for tests that kill a node.
 */
final class GatewayProcess implements AutoCloseable {

  /** The packaged gateway; the integration tests run after {@code package}. */
  static final Path JAR = Path.of("target", "fmu-gateway.jar").toAbsolutePath();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private GatewayProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts {@code java -jar} with {@code --key=value} for each property; does not wait for it. */
  static GatewayProcess start(String name, Path dataDir, Map<String, String> properties) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR + " is missing: run the integration tests with mvn verify");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The client JIT and serial GC: a start-up of much less CPU on a small, shared CI machine.
    command.addAll(
        List.of(
            "-XX:+DisableExplicitGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx512m",
            "-jar",
            JAR.toString()));
    command.add("--server.address=127.0.0.1");
    command.add("--server.port=" + port);
    command.add("--fmugw.data-dir=" + dataDir);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    Path log = dataDir.resolve("gateway.log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      return new GatewayProcess(name, process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  int port() {
    return port;
  }

  /** The processes this gateway started (its FMU workers) and theirs. */
  List<ProcessHandle> descendants() {
    return process.descendants().toList();
  }

  WebTestClient client() {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(60))
        .build();
  }

  /** Waits until {@code /health} answers 200; fails with the log's end if the process died. */
  void awaitHealthy(Duration atMost) {
    Instant giveUp = Instant.now().plus(atMost);
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up:\n" + logTail());
      }
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
        // Still starting.
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException(name + " not healthy after " + atMost + ":\n" + logTail());
      }
      pause(Duration.ofMillis(200));
    }
  }

  /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux): no shutdown, no goodbye. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL");
    }
  }

  /** The end of this node's console output, for failure messages. */
  String logTail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.substring(Math.max(0, text.length() - 6000));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the gateway (SIGTERM, then SIGKILL) and whatever it started that outlived it. */
  @Override
  public void close() {
    List<ProcessHandle> children = descendants();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
