package com.fmugateway.adapter.in.http.problem;

import com.fmugateway.adapter.in.http.payment.X402Wire;
import com.fmugateway.domain.billing.model.X402Offer;
import com.fmugateway.domain.billing.model.X402SettlementFailedException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * x402 on a 402: {@code PAYMENT-REQUIRED} (and the same object as the body's {@code x402} member)
 * when the demand can be paid with x402; after a run whose payment could not be settled, also
 * {@code PAYMENT-RESPONSE} with the failed settlement.
 */
final class X402Problems {

  private X402Problems() {}

  static Problem withHeaders(ServerWebExchange exchange, Throwable ex, Problem problem) {
    Optional<X402Offer> offer = Optional.empty();
    HttpHeaders headers = exchange.getResponse().getHeaders();
    if (ex instanceof PaymentRequiredException payment) {
      offer = payment.demand().x402();
    } else if (ex instanceof X402SettlementFailedException unsettled) {
      offer = Optional.of(new X402Offer(unsettled.terms(), Optional.empty()));
      headers.set(
          X402Wire.PAYMENT_RESPONSE, X402Wire.encode(X402Wire.response(unsettled.receipt())));
    }
    if (offer.isEmpty() || exchange.getResponse().isCommitted()) {
      return problem;
    }
    Map<String, Object> required =
        X402Wire.required(offer.get(), resource(exchange), String.valueOf(problem.detail()));
    headers.set(X402Wire.PAYMENT_REQUIRED, X402Wire.encode(required));
    return problem.with("x402", required);
  }

  /** The URL paid for, without its query. */
  private static String resource(ServerWebExchange exchange) {
    String url = exchange.getRequest().getURI().toString();
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
