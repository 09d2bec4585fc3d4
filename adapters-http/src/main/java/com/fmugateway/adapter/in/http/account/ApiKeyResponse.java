package com.fmugateway.adapter.in.http.account;

import com.fmugateway.domain.account.model.IssuedApiKey;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A new API key, shown once: the gateway keeps only its hash. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(description = "A new API key. Store it now: it is shown only once.")
public record ApiKeyResponse(
    @Schema(description = "The key; send it as 'Authorization: Bearer <key>'") String key,
    @Schema(description = "Id of the key, for listing and revoking") String keyId,
    @Schema(description = "The account the key belongs to") String accountId,
    @Schema(description = "First characters of the key, to tell keys apart") String prefix) {

  static ApiKeyResponse from(IssuedApiKey issued) {
    return new ApiKeyResponse(
        issued.secret().reveal(),
        issued.key().id().toString(),
        issued.key().accountId().toString(),
        issued.key().displayPrefix());
  }
}
