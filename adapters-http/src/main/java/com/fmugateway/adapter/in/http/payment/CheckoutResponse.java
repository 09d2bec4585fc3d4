package com.fmugateway.adapter.in.http.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentSession;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sessionId,
    @Schema(description = "Where to pay") String checkoutUrl,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"pending", "paid", "expired", "failed"})
        String status,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"run", "credit_pack"})
        String purpose,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Major units, e.g. 1.00")
        BigDecimal amount,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Minor units (cents)")
        long amountMinor,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String currency,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> methods,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"card", "crypto"})
        String paymentMethod,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"sandbox", "stripe", "coinbase"})
        String provider,
    @Schema(description = "A run's model") String fmuId,
    @Schema(description = "A credit pack's id") String pack,
    @Schema(description = "A credit pack's credits") Long credits,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant expiresAt,
    @Schema(description = "true: the pending checkout of the same request, handed out again")
        Boolean reused,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String nextStep) {

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
