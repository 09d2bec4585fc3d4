package com.fmugateway.adapter.in.http.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fmugateway.domain.checkout.model.CheckoutState;
import com.fmugateway.domain.checkout.model.PaymentSession;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /payments/checkout/{id}}: pending with where to pay, or paid with what it bought — a
 * run's {@code payment_token} and when it expires ({@code expires_at}), or a pack's credits.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckoutStatusResponse(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sessionId,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"pending", "paid", "expired", "failed"})
        String status,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"run", "credit_pack"})
        String purpose,
    @Schema(description = "A paid run's token: send it with POST /simulate") String paymentToken,
    Instant expiresAt,
    String checkoutUrl,
    String pack,
    Long credits,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String nextStep) {

  static CheckoutStatusResponse from(CheckoutState state) {
    PaymentSession session = state.session();
    if (state instanceof CheckoutState.PaidRun run) {
      return new CheckoutStatusResponse(
          session.id().value(),
          session.status().code(),
          session.purpose().code(),
          run.token().reveal(),
          run.tokenExpiresAt(),
          null,
          null,
          null,
          "Send \"payment_token\" with POST /simulate before expires_at; it pays for one run.");
    }
    if (state instanceof CheckoutState.PaidPack) {
      return new CheckoutStatusResponse(
          session.id().value(),
          session.status().code(),
          session.purpose().code(),
          null,
          null,
          null,
          session.packId().orElse(null),
          session.credits(),
          "The credits are on your balance: GET /account.");
    }
    return new CheckoutStatusResponse(
        session.id().value(),
        session.status().code(),
        session.purpose().code(),
        null,
        session.expiresAt(),
        session.checkoutUrl(),
        session.packId().orElse(null),
        session.packId().isPresent() ? session.credits() : null,
        NextSteps.stillPending(session));
  }
}
