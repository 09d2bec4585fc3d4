package com.fmugateway.adapter.out.payments.coinbase;

import com.fmugateway.adapter.out.payments.support.Amounts;
import com.fmugateway.adapter.out.payments.support.TransientProviderException;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.time.Duration;
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
 * A thin client of the Coinbase Commerce charges API ({@code POST /charges}, {@code GET
 * /charges/{id}}, API version 2018-03-22); Coinbase publishes no Java client.
 */
public final class CoinbaseCommerceClient {

  static final String API_VERSION = "2018-03-22";

  private static final JsonMapper JSON = JsonMapper.shared();

  private final WebClient web;

  /** A client of {@code apiBase}; a response slower than {@code responseTimeout} is abandoned. */
  public CoinbaseCommerceClient(String apiBase, String apiKey, Duration responseTimeout) {
    HttpClient http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .responseTimeout(responseTimeout);
    this.web =
        WebClient.builder()
            .baseUrl(apiBase)
            .clientConnector(new ReactorClientHttpConnector(http))
            .defaultHeader("X-CC-Api-Key", apiKey)
            .defaultHeader("X-CC-Version", API_VERSION)
            .build();
  }

  /**
   * Creates a fixed-price charge. Coinbase Commerce documents no idempotency for charges, so the
   * key travels both as {@code X-Idempotency-Key} (honoured where Coinbase supports it) and in the
   * charge's metadata, where a duplicate can be recognised.
   */
  Mono<CoinbaseCharge> createCharge(CheckoutRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", truncate(request.description(), 100));
    body.put("description", truncate(request.description(), 200));
    body.put("pricing_type", "fixed_price");
    body.putObject("local_price")
        .put("amount", Amounts.decimal(request.amount()))
        .put("currency", Amounts.code(request.amount()));
    body.putObject("metadata")
        .put(CoinbaseWebhookReader.REFERENCE, request.reference())
        .put("account", request.account().toString())
        .put("idempotency_key", request.idempotencyKey());
    body.put("redirect_url", request.successUrl());
    body.put("cancel_url", request.cancelUrl());
    return web.post()
        .uri("/charges")
        .contentType(MediaType.APPLICATION_JSON)
        .header("X-Idempotency-Key", request.idempotencyKey())
        .bodyValue(JSON.writeValueAsString(body))
        .exchangeToMono(response -> read("create charge", response))
        .onErrorMap(
            CoinbaseCommerceClient::isConnectionFailure, e -> unreachable("create charge", e));
  }

  Mono<CoinbaseCharge> charge(String id) {
    return web.get()
        .uri("/charges/{id}", id)
        .exchangeToMono(response -> read("retrieve charge", response))
        .onErrorMap(
            CoinbaseCommerceClient::isConnectionFailure, e -> unreachable("retrieve charge", e));
  }

  private static Mono<CoinbaseCharge> read(String operation, ClientResponse response) {
    HttpStatusCode status = response.statusCode();
    return response
        .bodyToMono(String.class)
        .defaultIfEmpty("")
        .handle(
            (body, sink) -> {
              if (status.is2xxSuccessful()) {
                sink.next(CoinbaseCharge.from(parse(body).path("data")));
              } else if (status.is5xxServerError() || status.value() == 429) {
                sink.error(
                    new TransientProviderException(
                        "Coinbase Commerce " + operation + " failed with HTTP " + status.value()));
              } else {
                sink.error(
                    new IllegalStateException(
                        "Coinbase Commerce refused "
                            + operation
                            + " (HTTP "
                            + status.value()
                            + "): "
                            + parse(body).path("error").path("message").asString(body)));
              }
            });
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }

  private static boolean isConnectionFailure(Throwable e) {
    return e instanceof WebClientRequestException || e instanceof IOException;
  }

  private static TransientProviderException unreachable(String operation, Throwable e) {
    return new TransientProviderException(
        "Coinbase Commerce " + operation + " failed: " + e.getMessage(), e);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
