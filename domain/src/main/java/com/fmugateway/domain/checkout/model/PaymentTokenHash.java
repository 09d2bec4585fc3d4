package com.fmugateway.domain.checkout.model;

import java.util.Objects;

/** SHA-256 of a payment token, the form in which tokens are looked up. */
public record PaymentTokenHash(String hex) {

  public PaymentTokenHash {
    Objects.requireNonNull(hex, "hex");
  }
}
