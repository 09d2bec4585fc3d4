package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.shared.model.Money;
import java.util.Objects;

/**
 * Credits sold in bulk: {@code runs} runs' worth of credits ({@code credits}) for {@code price}.
 */
public record CreditPack(String id, long runs, long credits, Money price) {

  public CreditPack {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(price, "price");
    if (id.isBlank() || runs < 1 || credits < 1 || price.minorUnits() < 1) {
      throw new IllegalArgumentException("invalid credit pack " + id);
    }
  }
}
