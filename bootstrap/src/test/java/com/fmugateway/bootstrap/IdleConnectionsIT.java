package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a gateway, started from the packaged jar as users run it, does with keep-alive connections.
 * Connections cannot pile up until the gateway runs out of file descriptors and turns every other
 * client away: a keep-alive connection that sends no next request is closed after {@code
 * FMUGW_HTTP_IDLE_TIMEOUT} (60 s unless configured), and so is one that trickles a request's
 * headers in to keep its connection open. Only a whole decoded request head counts as activity. And
 * a client that sends its next request the moment an answer ends gets every answer.
 */
class IdleConnectionsIT {

  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

  /** A header line this often: four per idle timeout, were bytes what kept a connection open. */
  private static final Duration TRICKLE_PACE = Duration.ofMillis(250);

  /** Far beyond the idle timeout: a connection still open by then was not going to be closed. */
  private static final Duration WAIT = Duration.ofSeconds(15);

  /**
   * Requests in a row on one connection: on Reactor Netty 1.3.6 the first unanswered one came after
   * 3 and after 258 (ADR 0015, second addendum).
   */
  private static final int IN_A_ROW = 2_000;

  private static final byte[] HEALTH =
      "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  @TempDir static Path dataDir;

  private static GatewayProcess gateway;

  @BeforeAll
  static void start() {
    gateway =
        GatewayProcess.start(
            "gateway",
            dataDir,
            Map.of(
                "fmugw.database.url",
                TestDatabase.url(TestDatabase.freshDatabase()),
                "FMUGW_HTTP_IDLE_TIMEOUT",
                IDLE_TIMEOUT.toMillis() + "ms"));
    gateway.awaitHealthy(Duration.ofSeconds(120));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void anIdleKeepAliveConnection_isClosedByTheGateway() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout((int) WAIT.toMillis());
      InputStream in = socket.getInputStream();

      String head = readHead(in);
      assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
      skipBody(in, head);

      int next;
      try {
        next = in.read();
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the idle connection was still open after " + WAIT, e);
      }
      assertThat(next).as("the gateway closed the idle connection").isEqualTo(-1);
    }
  }

  @Test
  void aClientSendingEachRequestTheMomentItsAnswerEnds_isAnsweredEveryTime() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout((int) WAIT.toMillis());
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      for (int request = 1; request <= IN_A_ROW; request++) {
        out.write(HEALTH);
        out.flush();
        String head;
        try {
          head = readHead(in);
        } catch (SocketTimeoutException e) {
          throw new AssertionError(
              "request " + request + " in a row on one connection had no answer after " + WAIT, e);
        }
        assertThat(head).startsWith("HTTP/1.1 200");
        skipBody(in, head);
      }
    }
  }

  @Test
  void aClientTricklingItsRequestHeaders_isDisconnectedAsIdle() throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      socket.setSoTimeout((int) TRICKLE_PACE.toMillis());
      out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      long giveUp = System.nanoTime() + WAIT.toNanos();
      for (int line = 0; ; line++) {
        if (System.nanoTime() - giveUp > 0) {
          throw new AssertionError(
              "the trickling connection was still open after " + WAIT + "; answered: " + answer);
        }
        int next;
        try {
          next = in.read(); // the gateway's answer, or the pace of the trickle
        } catch (SocketTimeoutException nothingYet) {
          try {
            out.write(("X-Trickle-" + line + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
          } catch (SocketException closedMeanwhile) {
            break;
          }
          continue;
        }
        if (next == -1) {
          break;
        }
        answer.write(next);
      }
      assertThat(answer.toString(StandardCharsets.UTF_8))
          .as("the gateway's answer to a request whose head never ended")
          .isEmpty();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      assertThat(b).as("the response head ended early: %s", head).isNotEqualTo(-1);
      head.append((char) b);
    }
    return head.toString();
  }

  private static void skipBody(InputStream in, String head) throws IOException {
    long length =
        head.lines()
            .filter(line -> line.toLowerCase().startsWith("content-length:"))
            .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Content-Length in " + head));
    assertThat(in.readNBytes((int) length)).hasSize((int) length);
  }
}
