package com.fmugateway.domain.account.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored API key: its hash, owner and life cycle, never its plaintext. */
public record ApiKey(
    ApiKeyId id,
    AccountId accountId,
    String displayPrefix,
    ApiKeyHash hash,
    Instant createdAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> revokedAt) {

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(displayPrefix, "displayPrefix");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  public static ApiKey issue(
      AccountId accountId, ApiKeySecret secret, ApiKeyHasher hasher, Instant now) {
    return new ApiKey(
        ApiKeyId.random(),
        accountId,
        secret.displayPrefix(),
        hasher.hash(secret),
        now,
        Optional.empty(),
        Optional.empty());
  }

  public boolean isActive() {
    return revokedAt.isEmpty();
  }
}
