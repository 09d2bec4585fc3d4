package com.fmugateway.domain.account.model;

import java.util.Objects;

/** Keyed hash of an API key, the only form in which a key is ever stored. */
public record ApiKeyHash(String hex) {

  public ApiKeyHash {
    Objects.requireNonNull(hex, "hex");
  }
}
