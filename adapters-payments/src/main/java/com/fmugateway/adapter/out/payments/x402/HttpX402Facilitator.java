package com.fmugateway.adapter.out.payments.x402;

import com.fmugateway.adapter.out.payments.support.GuardSettings;
import com.fmugateway.adapter.out.payments.support.ProviderGuard;
import com.fmugateway.adapter.out.payments.support.TransientProviderException;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402Receipt;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.billing.model.X402Verdict;
import com.fmugateway.domain.billing.port.out.X402Facilitator;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An x402 facilitator over HTTP (protocol version 2): {@code POST /verify} and {@code POST
 * /settle}, each with {@code {x402Version, paymentPayload, paymentRequirements}}. Verification is
 * retried under the guard; settlement is attempted once (a retried settlement of an authorization
 * is refused by the token contract anyway, and a timeout leaves its outcome unknown either way).
 */
public final class HttpX402Facilitator implements X402Facilitator {

  static final int VERSION = 2;
  private static final JsonMapper JSON = JsonMapper.shared();

  private final WebClient web;
  private final ProviderGuard verifyGuard;
  private final ProviderGuard settleGuard;

  public HttpX402Facilitator(String baseUrl, GuardSettings guard) {
    HttpClient http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .responseTimeout(guard.timeout().plusSeconds(1));
    this.web =
        WebClient.builder()
            .baseUrl(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
    this.verifyGuard = new ProviderGuard("x402 facilitator", guard);
    this.settleGuard =
        new ProviderGuard(
            "x402 facilitator",
            new GuardSettings(
                guard.timeout(),
                1,
                guard.firstBackoff(),
                guard.breakerWindow(),
                guard.breakerMinimumCalls(),
                guard.openDuration()));
  }

  @Override
  public Mono<X402Verdict> verify(X402Payment payment, X402Terms terms) {
    return verifyGuard.call(
        "verify",
        () ->
            post(
                "/verify",
                body(payment, terms),
                answer ->
                    new X402Verdict(
                        answer.path("isValid").asBoolean(false),
                        text(answer, "invalidReason"),
                        text(answer, "payer"))));
  }

  @Override
  public Mono<X402Receipt> settle(X402Payment payment, X402Terms terms) {
    return settleGuard.call(
        "settle",
        () ->
            post(
                "/settle",
                body(payment, terms),
                answer ->
                    new X402Receipt(
                        answer.path("success").asBoolean(false),
                        text(answer, "errorReason"),
                        answer.path("transaction").asString(""),
                        answer.path("network").asString(terms.network()),
                        text(answer, "payer").or(() -> Optional.of(payment.payer())))));
  }

  /** The request both endpoints take: the payload as the caller sent it, and our requirements. */
  static String body(X402Payment payment, X402Terms terms) {
    ObjectNode body = JSON.createObjectNode();
    body.put("x402Version", VERSION);
    body.set("paymentPayload", JSON.readTree(payment.payloadJson()));
    body.set("paymentRequirements", X402Json.requirements(terms));
    return JSON.writeValueAsString(body);
  }

  private <T> Mono<T> post(String path, String body, Function<JsonNode, T> read) {
    return web.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchangeToMono(response -> read(path, response, read))
        .onErrorMap(
            e -> e instanceof WebClientRequestException || e instanceof IOException,
            e ->
                new TransientProviderException(
                    "x402 facilitator " + path + ": " + e.getMessage(), e));
  }

  /**
   * A 2xx, or a 400 that carries an answer (facilitators report an invalid payment or a failed
   * settlement that way too), is an answer; a 5xx or 429 is transient; anything else is our error.
   */
  private static <T> Mono<T> read(
      String path, ClientResponse response, Function<JsonNode, T> read) {
    HttpStatusCode status = response.statusCode();
    return response
        .bodyToMono(String.class)
        .defaultIfEmpty("")
        .handle(
            (text, sink) -> {
              JsonNode answer = parse(text);
              boolean answered = answer.has("isValid") || answer.has("success");
              if (status.is2xxSuccessful() || (status.value() == 400 && answered)) {
                sink.next(read.apply(answer));
              } else if (status.is5xxServerError() || status.value() == 429) {
                sink.error(
                    new TransientProviderException(
                        "x402 facilitator " + path + " failed with HTTP " + status.value()));
              } else {
                sink.error(
                    new IllegalStateException(
                        "x402 facilitator refused " + path + " (HTTP " + status.value() + ")"));
              }
            });
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() && !value.asString().isBlank()
        ? Optional.of(value.asString())
        : Optional.empty();
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }
}
