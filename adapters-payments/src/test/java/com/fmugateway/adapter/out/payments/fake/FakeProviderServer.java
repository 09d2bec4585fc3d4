package com.fmugateway.adapter.out.payments.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A payment provider's API on a local port, with switches for the failure modes of a real one
 * (after Kill Bill's MockPaymentProviderPlugin): the next calls fail with 500 or 429, or hang until
 * the fake is closed; payments stay pending; webhooks arrive twice.
 */
public abstract class FakeProviderServer implements AutoCloseable {

  /** A request as the fake received it; header names in lower case. */
  public record Request(String method, String path, Map<String, String> headers, byte[] body) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What the fake answers: a status and a JSON body. */
  protected record Response(int status, String json) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger rateLimits = new AtomicInteger();
  private final AtomicInteger hangs = new AtomicInteger();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile boolean stayPending;
  private volatile boolean deliverTwice;

  protected FakeProviderServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.start();
  }

  /** Where the fake listens, e.g. {@code http://127.0.0.1:41234}; configure it as the API base. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next {@code count} API calls answer 500. */
  public void failNextCalls(int count) {
    failures.set(count);
  }

  /** The next {@code count} API calls answer 429 Too Many Requests. */
  public void rateLimitNextCalls(int count) {
    rateLimits.set(count);
  }

  /** The next {@code count} API calls get no answer until the fake is closed. */
  public void hangNextCalls(int count) {
    hangs.set(count);
  }

  /** Whether paying leaves a payment pending (unconfirmed) instead of settling it. */
  public void stayPending(boolean pending) {
    stayPending = pending;
  }

  /** Whether {@link #deliver} posts every webhook twice, as providers sometimes do. */
  public void deliverTwice(boolean twice) {
    deliverTwice = twice;
  }

  /**
   * Every request received so far (API calls and hosted page views), oldest first, failed and hung
   * ones included.
   */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** POSTs a webhook to {@code endpoint} (twice if so switched); the statuses it got back. */
  public List<Integer> deliver(SignedWebhook webhook, URI endpoint) {
    List<Integer> statuses = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(endpoint)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
      webhook.headers().forEach(request::header);
      for (int i = 0; i < (deliverTwice ? 2 : 1); i++) {
        statuses.add(
            http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return statuses;
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  protected boolean staysPending() {
    return stayPending;
  }

  /** Answers one API call, in the provider's wire format. */
  protected abstract Response handle(Request request);

  /** The provider's body for an internal error (500) or a rate limit (429). */
  protected abstract String errorJson(String type, String message);

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      Request request = read(exchange);
      requests.add(request);
      if (take(hangs)) {
        closing.await();
        return;
      }
      Response response;
      if (take(failures)) {
        response = new Response(500, errorJson("api_error", "Injected failure"));
      } else if (take(rateLimits)) {
        response = new Response(429, errorJson("rate_limit_error", "Too many requests"));
      } else {
        response = handle(request);
      }
      byte[] body = response.json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.status(), body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Request read(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    return new Request(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        headers,
        exchange.getRequestBody().readAllBytes());
  }

  private static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }
}
