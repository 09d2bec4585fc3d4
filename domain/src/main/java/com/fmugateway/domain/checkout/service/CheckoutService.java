package com.fmugateway.domain.checkout.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.Checkout;
import com.fmugateway.domain.checkout.model.CheckoutState;
import com.fmugateway.domain.checkout.model.CreditPack;
import com.fmugateway.domain.checkout.model.PaymentGoneException;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.PaymentTerms;
import com.fmugateway.domain.checkout.model.PaymentToken;
import com.fmugateway.domain.checkout.model.PaymentTokenMint;
import com.fmugateway.domain.checkout.model.PaymentTokenState;
import com.fmugateway.domain.checkout.port.in.GetCheckoutQuery;
import com.fmugateway.domain.checkout.port.in.GetPaymentTermsQuery;
import com.fmugateway.domain.checkout.port.in.ListCreditPacksQuery;
import com.fmugateway.domain.checkout.port.in.StartCheckoutCommand;
import com.fmugateway.domain.checkout.port.in.StartCheckoutUseCase;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.checkout.port.out.PaymentSessionStore;
import com.fmugateway.domain.checkout.port.out.PaymentTokenStore;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checkouts paid up front: for one run (then exchanged for a payment token) or for a credit pack;
 * and how each stands, with its token once paid. Tokens are shown again until used or expired; this
 * service only reads them (settlement mints them).
 */
public final class CheckoutService
    implements StartCheckoutUseCase, GetCheckoutQuery, ListCreditPacksQuery, GetPaymentTermsQuery {

  private static final System.Logger LOG = System.getLogger(CheckoutService.class.getName());

  private final Checkouts checkouts;
  private final PaymentSessionStore sessions;
  private final PaymentTokenStore tokens;
  private final PaymentTokenMint mint;
  private final Clock clock;

  public CheckoutService(
      List<PaymentProvider> providers,
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      PaymentTokenMint mint,
      PaymentTerms terms,
      AuditLog audit,
      Clock clock) {
    this.checkouts = new Checkouts(new PaymentProviders(providers), sessions, terms, clock, audit);
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
                              command.request().orElse("pay:" + command.fmuId().orElse("-"))));
          return checkouts.open(command.caller(), purchase, command.options());
        });
  }

  @Override
  public PaymentTerms terms() {
    return checkouts.terms();
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

  @Override
  public Mono<CheckoutState> returnedFrom(String sessionId) {
    return sessions
        .find(new PaymentSessionId(sessionId))
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
        .switchIfEmpty(Mono.defer(() -> missingToken(session)))
        .flatMap(token -> usable(token, now))
        .map(token -> new CheckoutState.PaidRun(session, mint.reveal(token), token.expiresAt()));
  }

  /**
   * Settlement mints a paid run's token in the transaction that marks it paid, so a paid run
   * without one is a broken invariant, not something a read may repair.
   */
  private static Mono<PaymentToken> missingToken(PaymentSession session) {
    LOG.log(
        System.Logger.Level.ERROR,
        "checkout {0} is paid for a run but has no payment token",
        session.id().value());
    return Mono.error(
        new IllegalStateException("paid checkout " + session.id().value() + " has no token"));
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
