package com.fmugateway.domain.model.payment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run costs in money, how it can be paid ({@code methods}, empty when no provider is
 * configured), the method chosen, and the checkout opened for it, if one was.
 */
public record PaymentOffer(
    String fmuId,
    Money amount,
    List<PaymentMethod> methods,
    Optional<PaymentMethod> method,
    Optional<PaymentSession> checkout) {

  public PaymentOffer {
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(amount, "amount");
    methods = List.copyOf(methods);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(checkout, "checkout");
  }
}
