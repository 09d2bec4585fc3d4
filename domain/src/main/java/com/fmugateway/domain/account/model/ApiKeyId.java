package com.fmugateway.domain.account.model;

import java.util.Objects;
import java.util.UUID;

/** Identity of one API key, safe to show and log (unlike the key itself). */
public record ApiKeyId(UUID value) {

  public ApiKeyId {
    Objects.requireNonNull(value, "value");
  }

  public static ApiKeyId random() {
    return new ApiKeyId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
