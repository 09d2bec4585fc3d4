package com.fmugateway.domain.checkout.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.PaymentGoneException;
import com.fmugateway.domain.checkout.model.PaymentToken;
import com.fmugateway.domain.checkout.model.PaymentTokenHash;
import com.fmugateway.domain.checkout.model.PaymentTokenMint;
import com.fmugateway.domain.checkout.model.PaymentTokenMove;
import com.fmugateway.domain.checkout.model.PaymentTokenSecret;
import com.fmugateway.domain.checkout.model.PaymentTokenState;
import com.fmugateway.domain.checkout.model.RunPayment;
import com.fmugateway.domain.checkout.port.in.RedeemPaymentTokenUseCase;
import com.fmugateway.domain.checkout.port.out.PaymentSessionStore;
import com.fmugateway.domain.checkout.port.out.PaymentTokenStore;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Runs paid with payment tokens: reserved atomically, consumed by a success, else given back. */
public final class PaymentTokenService implements RedeemPaymentTokenUseCase {

  private final PaymentTokenStore tokens;
  private final PaymentSessionStore sessions;
  private final AuditLog audit;
  private final Clock clock;

  public PaymentTokenService(
      PaymentTokenStore tokens, PaymentSessionStore sessions, AuditLog audit, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Mono<Reserved> reserve(AccountId caller, String token) {
    return Mono.defer(
        () -> {
          PaymentTokenHash hash = PaymentTokenMint.hash(PaymentTokenSecret.of(token));
          Instant now = clock.now();
          return tokens
              .move(hash, PaymentTokenMove.reserve(caller, now))
              .flatMap(reserved -> reserved ? reserved(hash) : refusal(hash, caller, now));
        });
  }

  @Override
  public Mono<Void> consume(
      AccountId caller, PaymentTokenHash token, RunPayment payment, UUID runId) {
    return Mono.defer(
        () -> {
          Instant now = clock.now();
          // A reservation released under the run (a sweep of stale ones) cannot be consumed: the
          // run then went unpaid, which the operators' audit says instead of "consumed".
          return tokens
              .move(token, PaymentTokenMove.consume(runId, now))
              .flatMap(
                  consumed ->
                      audit.record(
                          AuditEvent.by(
                                  caller,
                                  now,
                                  consumed
                                      ? "payment_token.consumed"
                                      : "payment_token.consume_missed",
                                  payment.session().value())
                              .with("run", runId.toString())));
        });
  }

  @Override
  public Mono<Void> release(PaymentTokenHash token) {
    return Mono.defer(() -> tokens.move(token, PaymentTokenMove.release(clock.now()))).then();
  }

  private Mono<Reserved> reserved(PaymentTokenHash hash) {
    return tokens
        .findByHash(hash)
        .flatMap(token -> sessions.find(token.session()))
        .map(session -> new Reserved(hash, new RunPayment(session.id(), session.amount())));
  }

  /** Why a token could not be reserved: unknown (or another account's) is 404, else 410. */
  private Mono<Reserved> refusal(PaymentTokenHash hash, AccountId caller, Instant now) {
    return tokens
        .findByHash(hash)
        .filter(token -> token.account().equals(caller))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("no such payment token")))
        .flatMap(token -> Mono.error(new PaymentGoneException(reason(token, now))));
  }

  private static String reason(PaymentToken token, Instant now) {
    if (token.state() == PaymentTokenState.CONSUMED) {
      return "this payment token was used already; each pays for one run";
    }
    if (token.state() == PaymentTokenState.RESERVED) {
      return "this payment token is paying for another run right now; each pays for one run";
    }
    return "this payment token expired at " + token.expiresAt() + "; buy another run";
  }
}
