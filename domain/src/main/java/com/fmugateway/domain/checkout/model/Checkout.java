package com.fmugateway.domain.checkout.model;

import java.util.List;
import java.util.Objects;

/**
 * A checkout handed to a caller: the session, whether it was reused (the same request was asked
 * before and is still payable), and every method the gateway accepts.
 */
public record Checkout(PaymentSession session, boolean reused, List<PaymentMethod> methods) {

  public Checkout {
    Objects.requireNonNull(session, "session");
    methods = List.copyOf(methods);
  }
}
