package com.fmugateway.adapter.out.callback;

import com.fmugateway.domain.experiment.port.out.CallbackSender;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Callbacks over the JDK's HttpClient: redirects never followed, a connect and a whole-request time
 * limit, the answer's body discarded. The host is resolved first (on a bounded elastic thread) and
 * refused unless every address it has is public or the host is allowed ({@link CallbackAddresses}).
 * The request then resolves it again, so a host that changes its answer in between (DNS rebinding)
 * is not caught here; a deployment that must rule it out routes callbacks through an egress proxy.
 */
public final class JdkHttpCallbackSender implements CallbackSender {

  private final HttpClient client;
  private final Duration timeout;
  private final CallbackAddresses addresses;

  public JdkHttpCallbackSender(Duration timeout, Set<String> allowedHosts) {
    this.timeout = timeout;
    this.addresses = new CallbackAddresses(allowedHosts);
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public Mono<Integer> post(URI url, String json, Map<String, String> headers) {
    return Mono.fromRunnable(() -> check(url))
        .subscribeOn(Schedulers.boundedElastic())
        .then(
            Mono.defer(
                () -> {
                  HttpRequest.Builder request =
                      HttpRequest.newBuilder(url)
                          .timeout(timeout)
                          .header("Content-Type", "application/json")
                          .header("User-Agent", "fmu-gateway-callbacks/1")
                          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
                  headers.forEach(request::header);
                  return Mono.fromFuture(
                      () ->
                          client.sendAsync(
                              request.build(), HttpResponse.BodyHandlers.discarding()));
                }))
        .map(HttpResponse::statusCode);
  }

  private void check(URI url) {
    String host = url.getHost();
    if (host == null) {
      throw new RefusedCallbackException(url + " names no host");
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (addresses.allowedHost(bare)) {
      return;
    }
    InetAddress[] resolved;
    try {
      resolved = InetAddress.getAllByName(bare);
    } catch (java.net.UnknownHostException e) {
      throw new RefusedCallbackException(host + " does not resolve");
    }
    if (!Arrays.stream(resolved).allMatch(CallbackAddresses::publicAddress)) {
      throw new RefusedCallbackException(host + " resolves to a private or local address");
    }
  }

  /** The callback URL may not be called from here. */
  static final class RefusedCallbackException extends IllegalStateException {

    RefusedCallbackException(String message) {
      super(message);
    }
  }
}
