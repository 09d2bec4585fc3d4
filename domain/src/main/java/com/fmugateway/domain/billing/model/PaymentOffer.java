package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.shared.model.Money;
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
