package com.fmugateway.adapter.in.portal.account;

import com.fmugateway.domain.account.model.ApiKey;
import java.time.Instant;

/** One of the customer's keys as listed: never the key itself, only its first characters. */
public record ApiKeyView(
    String id, String prefix, Instant createdAt, Instant lastUsedAt, boolean active) {

  static ApiKeyView of(ApiKey key) {
    return new ApiKeyView(
        key.id().toString(),
        key.displayPrefix(),
        key.createdAt(),
        key.lastUsedAt().orElse(null),
        key.isActive());
  }
}
