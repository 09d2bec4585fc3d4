package com.fmugateway.domain.account.model;

import java.util.Objects;

/** A freshly issued key together with its plaintext, which is shown to the caller once. */
public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {

  public IssuedApiKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(secret, "secret");
  }
}
