package com.fmugateway.adapter.out.payments.stripe;

import com.fmugateway.adapter.out.payments.support.TransientProviderException;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;

/** Sorts Stripe's failures into those worth retrying and our own mistakes. */
final class StripeFailures {

  private StripeFailures() {}

  static RuntimeException translate(String operation, StripeException e) {
    Integer status = e.getStatusCode();
    if (e instanceof ApiConnectionException || status == null || status >= 500 || status == 429) {
      return new TransientProviderException(
          "Stripe " + operation + " failed" + (status == null ? "" : " with HTTP " + status), e);
    }
    if (e instanceof IdempotencyException) {
      // Stripe keeps a key's first parameters for 24 h; a replay with others is refused.
      return new IllegalStateException(
          "Stripe refused to replay "
              + operation
              + " with different parameters under the same idempotency key (was the gateway"
              + " restarted between attempts?): "
              + e.getMessage(),
          e);
    }
    return new IllegalStateException(
        "Stripe refused " + operation + " (HTTP " + status + "): " + e.getMessage(), e);
  }
}
