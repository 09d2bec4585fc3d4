package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.common.NotFoundException;
import com.fmugateway.domain.model.credit.PaymentRequiredException;
import com.fmugateway.domain.model.fmu.ResolvedFmu;
import com.fmugateway.domain.model.payment.PaymentGoneException;
import com.fmugateway.domain.model.payment.PaymentMethod;
import com.fmugateway.domain.model.payment.PaymentOffer;
import com.fmugateway.domain.model.payment.PaymentSession;
import com.fmugateway.domain.model.payment.PaymentToken;
import com.fmugateway.domain.model.payment.PaymentTokenHash;
import com.fmugateway.domain.model.payment.PaymentTokenMint;
import com.fmugateway.domain.model.payment.PaymentTokenSecret;
import com.fmugateway.domain.model.payment.PaymentTokenState;
import com.fmugateway.domain.model.payment.RunPayment;
import com.fmugateway.domain.port.in.SimulateCommand;
import com.fmugateway.domain.port.out.AuditLog;
import com.fmugateway.domain.port.out.Clock;
import com.fmugateway.domain.port.out.PaymentRequirementLog;
import com.fmugateway.domain.port.out.PaymentSessionStore;
import com.fmugateway.domain.port.out.PaymentTokenStore;
import com.fmugateway.domain.port.out.RunHistory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Secures payment for a run before it starts. A presented payment token pays for it (reserved
 * atomically, so of two runs with one token exactly one proceeds); otherwise credits do, and when
 * they are short the 402 carries a checkout for this very request, opened or reused. A quote-only
 * request gets the 402 with the price and no checkout. Every 402 is noted for the operators'
 * funnel.
 */
public final class RunPayments {

  private final RunMetering metering;
  private final Checkouts checkouts;
  private final PaymentSessionStore sessions;
  private final PaymentTokenStore tokens;
  private final RunHistory history;
  private final AuditLog audit;
  private final PaymentRequirements requirements;
  private final Clock clock;

  public RunPayments(
      RunMetering metering,
      Checkouts checkouts,
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      RunHistory history,
      AuditLog audit,
      PaymentRequirementLog requirements,
      Clock clock) {
    this.metering = Objects.requireNonNull(metering, "metering");
    this.checkouts = Objects.requireNonNull(checkouts, "checkouts");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.history = Objects.requireNonNull(history, "history");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.requirements = new PaymentRequirements(requirements, clock);
  }

  public long quote(java.time.Duration limit) {
    return metering.quote(limit);
  }

  public long cost(java.time.Duration cpuTime) {
    return metering.cost(cpuTime);
  }

  Mono<RunCharge> charge(SimulateCommand command, ResolvedFmu fmu, UUID runId, long quote) {
    return secure(command, fmu, runId, quote)
        .onErrorResume(
            PaymentRequiredException.class,
            required ->
                requirements.answer(command.caller(), fmu.artifact().id().value(), required));
  }

  private Mono<RunCharge> secure(SimulateCommand command, ResolvedFmu fmu, UUID runId, long quote) {
    SimulateCommand.Payment payment = command.payment();
    if (payment.quoteOnly()) {
      return metering
          .balance(command.caller())
          .flatMap(
              balance ->
                  Mono.error(
                      PaymentRequiredException.quoteOnly(
                          quote, balance, offer(fmu, payment, Optional.empty()))));
    }
    if (payment.token().isPresent()) {
      return redeem(command.caller(), PaymentTokenSecret.of(payment.token().get()));
    }
    return metering
        .hold(command.caller(), runId, quote)
        .map(hold -> RunCharge.credits(metering, hold))
        .onErrorResume(PaymentRequiredException.class, short_ -> checkout(command, fmu, short_));
  }

  private Mono<RunCharge> checkout(
      SimulateCommand command, ResolvedFmu fmu, PaymentRequiredException creditsShort) {
    if (checkouts.methods().isEmpty()) {
      return Mono.error(creditsShort.withOffer(offer(fmu, command.payment(), Optional.empty())));
    }
    String fmuId = fmu.artifact().id().value();
    Checkouts.Purchase purchase =
        Checkouts.Purchase.run(
            checkouts.terms().runPrice(), Optional.of(fmuId), Fingerprints.run(command, fmuId));
    return checkouts
        .open(command.caller(), purchase, command.payment().checkout())
        .flatMap(
            opened ->
                Mono.error(
                    creditsShort.withOffer(
                        offer(fmu, command.payment(), Optional.of(opened.session())))));
  }

  private PaymentOffer offer(
      ResolvedFmu fmu, SimulateCommand.Payment payment, Optional<PaymentSession> checkout) {
    List<PaymentMethod> methods = checkouts.methods();
    PaymentMethod chosen = payment.checkout().method();
    return new PaymentOffer(
        fmu.artifact().id().value(),
        checkout.map(PaymentSession::amount).orElse(checkouts.terms().runPrice()),
        methods,
        methods.contains(chosen) ? Optional.of(chosen) : Optional.empty(),
        checkout);
  }

  private Mono<RunCharge> redeem(AccountId caller, PaymentTokenSecret secret) {
    PaymentTokenHash hash = PaymentTokenMint.hash(secret);
    Instant now = clock.now();
    return tokens
        .reserve(hash, caller, now)
        .flatMap(reserved -> reserved ? reservedCharge(hash) : refusal(hash, caller, now));
  }

  private Mono<RunCharge> reservedCharge(PaymentTokenHash hash) {
    return tokens
        .findByHash(hash)
        .flatMap(token -> sessions.find(token.session()))
        .map(
            session ->
                new TokenCharge(
                    hash,
                    new RunPayment(session.id(), session.amount()),
                    tokens,
                    history,
                    audit,
                    clock));
  }

  /** Why a token could not be reserved: unknown (or another account's) is 404, else 410. */
  private Mono<RunCharge> refusal(PaymentTokenHash hash, AccountId caller, Instant now) {
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
