package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.account.model.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * The right to one run, bought by one paid checkout and bound to its account. Stored without its
 * plaintext: {@code seed} yields the token only together with the server secret ({@link
 * PaymentTokenMint}), {@code hash} finds it when presented.
 */
public record PaymentToken(
    PaymentTokenHash hash,
    String seed,
    AccountId account,
    PaymentSessionId session,
    PaymentTokenState state,
    Instant readyAt,
    Instant expiresAt) {

  public PaymentToken {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(readyAt, "readyAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean expired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
