package com.fmugateway.domain.billing.model;

import java.util.Objects;

/**
 * How a hold ends when its run completed: {@code captured} credits taken (never more than the hold)
 * and the whole hold released. Built by {@link Hold#settle(long)}.
 */
public record Settlement(Hold hold, long captured) {

  public Settlement {
    Objects.requireNonNull(hold, "hold");
    if (captured < 0 || captured > hold.amount()) {
      throw new IllegalArgumentException(
          "a capture must be between 0 and the hold (" + hold.amount() + "): " + captured);
    }
  }
}
