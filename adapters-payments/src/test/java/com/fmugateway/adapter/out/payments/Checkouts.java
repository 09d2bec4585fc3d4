package com.fmugateway.adapter.out.payments;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.shared.model.Money;
import java.util.UUID;

/** Checkout requests as the payment core would send them, each with its own reference and key. */
public final class Checkouts {

  private Checkouts() {}

  /** Ten credits for $8.00, paid by {@code method}. */
  public static CheckoutRequest request(PaymentMethod method) {
    String reference = "pay_" + UUID.randomUUID();
    return new CheckoutRequest(
        reference,
        AccountId.random(),
        new Money(800, "usd"),
        "10 simulation credits",
        method,
        "http://localhost:8080/payments/" + reference + "/done",
        "http://localhost:8080/payments/" + reference + "/cancelled",
        "idem-" + reference);
  }
}
