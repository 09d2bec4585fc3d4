package com.fmugateway.adapter.in.http.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code POST /pay} body: every field optional, as in the prototype. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PayRequest(
    @Schema(
            description = "The model the run is for, shown on the receipt",
            example = "msl:BouncingBall")
        String fmuId,
    @Schema(description = "Where the provider sends the customer after paying") String successUrl,
    @Schema(description = "Where the provider sends the customer on cancelling") String cancelUrl,
    @Schema(
            description = "card (default) or crypto",
            allowableValues = {"card", "crypto"})
        String paymentMethod) {}
