package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.common.InvalidInputException;
import com.fmugateway.domain.model.common.NotFoundException;
import com.fmugateway.domain.model.payment.Checkout;
import com.fmugateway.domain.model.payment.CheckoutState;
import com.fmugateway.domain.model.payment.CreditPack;
import com.fmugateway.domain.model.payment.PaymentGoneException;
import com.fmugateway.domain.model.payment.PaymentMethod;
import com.fmugateway.domain.model.payment.PaymentPurpose;
import com.fmugateway.domain.model.payment.PaymentSession;
import com.fmugateway.domain.model.payment.PaymentSessionId;
import com.fmugateway.domain.model.payment.PaymentStatus;
import com.fmugateway.domain.model.payment.PaymentToken;
import com.fmugateway.domain.model.payment.PaymentTokenMint;
import com.fmugateway.domain.model.payment.PaymentTokenState;
import com.fmugateway.domain.port.in.GetCheckoutQuery;
import com.fmugateway.domain.port.in.ListCreditPacksQuery;
import com.fmugateway.domain.port.in.StartCheckoutCommand;
import com.fmugateway.domain.port.in.StartCheckoutUseCase;
import com.fmugateway.domain.port.out.Clock;
import com.fmugateway.domain.port.out.PaymentSessionStore;
import com.fmugateway.domain.port.out.PaymentTokenStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checkouts paid up front: for one run (then exchanged for a payment token) or for a credit pack;
 * and how each stands, with its token once paid. Tokens are shown again until used or expired.
 */
public final class CheckoutService
    implements StartCheckoutUseCase, GetCheckoutQuery, ListCreditPacksQuery {

  private final Checkouts checkouts;
  private final PaymentSessionStore sessions;
  private final PaymentTokenStore tokens;
  private final PaymentTokenMint mint;
  private final Clock clock;

  public CheckoutService(
      Checkouts checkouts,
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      PaymentTokenMint mint,
      Clock clock) {
    this.checkouts = Objects.requireNonNull(checkouts, "checkouts");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.mint = Objects.requireNonNull(mint, "mint");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Mono<Checkout> start(StartCheckoutCommand command) {
    return Mono.defer(
        () -> {
          Checkouts.Purchase purchase =
              command
                  .pack()
                  .map(this::pack)
                  .map(Checkouts.Purchase::pack)
                  .orElseGet(
                      () ->
                          Checkouts.Purchase.run(
                              checkouts.terms().runPrice(),
                              command.fmuId(),
                              "pay:" + command.fmuId().orElse("-")));
          return checkouts.open(command.caller(), purchase, command.options());
        });
  }

  @Override
  public Flux<CreditPack> packs() {
    return Flux.fromIterable(checkouts.terms().packs());
  }

  @Override
  public List<PaymentMethod> methods() {
    return checkouts.methods();
  }

  @Override
  public Mono<CheckoutState> checkout(AccountId caller, String sessionId) {
    return sessions
        .find(caller, new PaymentSessionId(sessionId))
        .switchIfEmpty(Mono.error(() -> new NotFoundException("no checkout " + sessionId)))
        .flatMap(this::state);
  }

  private Mono<CheckoutState> state(PaymentSession session) {
    Instant now = clock.now();
    if (session.status() == PaymentStatus.PENDING) {
      return session.lapsed(now)
          ? Mono.error(new PaymentGoneException("this checkout expired; start a new one"))
          : Mono.just(new CheckoutState.Pending(session));
    }
    if (session.status() != PaymentStatus.PAID) {
      return Mono.error(
          new PaymentGoneException(
              "this checkout " + session.status().code() + "; start a new one"));
    }
    if (session.purpose() == PaymentPurpose.CREDIT_PACK) {
      return Mono.just(new CheckoutState.PaidPack(session));
    }
    return tokens
        .findBySession(session.id())
        .switchIfEmpty(
            Mono.defer(() -> tokens.issue(mint.mint(session, now, checkouts.terms().tokenTtl()))))
        .flatMap(token -> usable(token, now))
        .map(token -> new CheckoutState.PaidRun(session, mint.reveal(token), token.expiresAt()));
  }

  private static Mono<PaymentToken> usable(PaymentToken token, Instant now) {
    if (token.state() == PaymentTokenState.CONSUMED) {
      return Mono.error(new PaymentGoneException("the payment token of this checkout was used"));
    }
    if (token.expired(now)) {
      return Mono.error(new PaymentGoneException("the payment token of this checkout expired"));
    }
    return Mono.just(token);
  }

  private CreditPack pack(String id) {
    return checkouts
        .terms()
        .pack(id)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "pack",
                    "must be one of "
                        + String.join(
                            ", ",
                            checkouts.terms().packs().stream().map(CreditPack::id).toList())));
  }
}
