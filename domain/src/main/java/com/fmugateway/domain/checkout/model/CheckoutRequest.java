package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.shared.model.Money;
import java.util.Objects;

/**
 * What the gateway asks a provider to collect. {@code reference} is the gateway's own session id,
 * echoed back in webhooks; {@code idempotencyKey} makes a retried create return the same session.
 */
public record CheckoutRequest(
    String reference,
    AccountId account,
    Money amount,
    String description,
    PaymentMethod method,
    String successUrl,
    String cancelUrl,
    String idempotencyKey) {

  public CheckoutRequest {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(successUrl, "successUrl");
    Objects.requireNonNull(cancelUrl, "cancelUrl");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }
}
