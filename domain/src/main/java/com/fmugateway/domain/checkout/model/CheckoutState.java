package com.fmugateway.domain.checkout.model;

import java.time.Instant;
import java.util.Objects;

/** How a caller's checkout stands: still payable, or paid with what it bought. */
public sealed interface CheckoutState {

  PaymentSession session();

  /** Not paid yet; the customer may still pay at the checkout URL. */
  record Pending(PaymentSession session) implements CheckoutState {

    public Pending {
      Objects.requireNonNull(session, "session");
    }
  }

  /** A paid run: the token to send with {@code /simulate}, usable once until it expires. */
  record PaidRun(PaymentSession session, PaymentTokenSecret token, Instant tokenExpiresAt)
      implements CheckoutState {

    public PaidRun {
      Objects.requireNonNull(session, "session");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(tokenExpiresAt, "tokenExpiresAt");
    }
  }

  /** A paid credit pack: its credits are on the account's ledger. */
  record PaidPack(PaymentSession session) implements CheckoutState {

    public PaidPack {
      Objects.requireNonNull(session, "session");
    }
  }
}
