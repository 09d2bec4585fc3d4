package com.fmugateway.adapter.in.portal.credit;

import com.fmugateway.domain.checkout.model.CheckoutState;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentSession;

/**
 * How a checkout stands, for the page a provider returns the browser to: its state ({@code paid},
 * {@code pending}, {@code cancelled}, {@code closed}, {@code unknown}), what it bought, and for a
 * paid run its one-run payment token (usable only with the paying account's API key).
 */
public record CheckoutReturnView(
    String state,
    String sessionId,
    String amount,
    String fmuId,
    Long credits,
    String token,
    String tokenExpiresAt,
    String checkoutUrl) {

  static CheckoutReturnView of(CheckoutState state, boolean cancelled) {
    PaymentSession session = state.session();
    String amount = session.amount().display();
    String fmuId = session.fmuId().orElse(null);
    Long credits = session.purpose() == PaymentPurpose.CREDIT_PACK ? session.credits() : null;
    if (state instanceof CheckoutState.PaidRun run) {
      return new CheckoutReturnView(
          "paid",
          session.id().value(),
          amount,
          fmuId,
          null,
          run.token().reveal(),
          run.tokenExpiresAt().toString(),
          null);
    }
    if (state instanceof CheckoutState.PaidPack) {
      return new CheckoutReturnView(
          "paid", session.id().value(), amount, null, credits, null, null, null);
    }
    return new CheckoutReturnView(
        cancelled ? "cancelled" : "pending",
        session.id().value(),
        amount,
        fmuId,
        credits,
        null,
        null,
        session.checkoutUrl());
  }

  static CheckoutReturnView closed(String sessionId) {
    return new CheckoutReturnView("closed", sessionId, null, null, null, null, null, null);
  }

  static CheckoutReturnView unknown(String sessionId) {
    return new CheckoutReturnView("unknown", sessionId, null, null, null, null, null, null);
  }
}
