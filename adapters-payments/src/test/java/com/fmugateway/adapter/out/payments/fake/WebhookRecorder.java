package com.fmugateway.adapter.out.payments.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the gateway's webhook endpoint on a local port: records every POST and answers
 * 200, or 503 for the next calls when so switched.
 */
public final class WebhookRecorder implements AutoCloseable {

  /** One delivery: path, body and headers (names lower-case), and what the recorder answered. */
  public record Delivery(String path, SignedWebhook webhook, int answered) {}

  private final HttpServer server;
  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final AtomicInteger failures = new AtomicInteger();

  public WebhookRecorder() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::record);
    server.start();
  }

  /** The base URL to configure as the gateway's, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The next {@code count} deliveries are answered 503. */
  public void failNext(int count) {
    failures.set(count);
  }

  /** The oldest delivery not yet taken, waiting at most {@code timeout}; null if none came. */
  public Delivery next(Duration timeout) throws InterruptedException {
    return deliveries.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Deliveries received and not yet taken. */
  public int pending() {
    return deliveries.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void record(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
      deliveries.add(
          new Delivery(
              exchange.getRequestURI().getPath(), new SignedWebhook(body, headers), status));
      exchange.sendResponseHeaders(status, -1);
    }
  }
}
