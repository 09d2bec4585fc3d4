package com.fmugateway.adapter.in.http.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A checkout to pay, in the prototype's fields: {@code amount} in major units ({@code 1.00}) and
 * {@code amount_minor} in cents; {@code methods} the gateway accepts, {@code payment_method} the
 * one this checkout takes. Also the checkout part of a 402 from {@code /simulate}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckoutResponse(
    String sessionId,
    String checkoutUrl,
    String status,
    String purpose,
    BigDecimal amount,
    long amountMinor,
    String currency,
    List<String> methods,
    String paymentMethod,
    String provider,
    String fmuId,
    String pack,
    Long credits,
    Instant expiresAt,
    Boolean reused,
    String nextStep) {

  public static CheckoutResponse of(
      PaymentSession session, List<PaymentMethod> methods, boolean reused, String nextStep) {
    return new CheckoutResponse(
        session.id().value(),
        session.checkoutUrl(),
        session.status().code(),
        session.purpose().code(),
        BigDecimal.valueOf(session.amount().minorUnits(), 2),
        session.amount().minorUnits(),
        session.amount().currency(),
        codes(methods),
        session.method().code(),
        session.provider().code(),
        session.fmuId().orElse(null),
        session.packId().orElse(null),
        session.packId().isPresent() ? session.credits() : null,
        session.expiresAt(),
        reused,
        nextStep);
  }

  public static List<String> codes(List<PaymentMethod> methods) {
    return methods.stream().map(PaymentMethod::code).toList();
  }
}
