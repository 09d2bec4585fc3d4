package com.fmugateway.adapter.in.http.account;

import com.fmugateway.domain.account.model.ApiKey;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One of the caller's keys as listed: never the key itself, only its first characters. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeySummaryResponse(
    String keyId,
    String prefix,
    Instant createdAt,
    @Schema(
            types = {"string", "null"},
            format = "date-time")
        Instant lastUsedAt,
    @Schema(
            types = {"string", "null"},
            format = "date-time")
        Instant revokedAt,
    boolean active) {

  static ApiKeySummaryResponse from(ApiKey key) {
    return new ApiKeySummaryResponse(
        key.id().toString(),
        key.displayPrefix(),
        key.createdAt(),
        key.lastUsedAt().orElse(null),
        key.revokedAt().orElse(null),
        key.isActive());
  }
}
