package com.fmugateway.adapter.in.http.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code POST /credits/checkout} body. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreditCheckoutRequest(
    @Schema(
            description = "A pack id from GET /credits/packs",
            example = "10",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String pack,
    @Schema(
            description = "card (default) or crypto",
            allowableValues = {"card", "crypto"})
        String paymentMethod,
    String successUrl,
    String cancelUrl) {}
