package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.model.RunCharge;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.model.X402Claim;
import com.fmugateway.domain.billing.model.X402Offer;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402Settings;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.billing.port.in.SecureRunCommand;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.billing.port.out.X402Facilitator;
import com.fmugateway.domain.billing.port.out.X402PaymentLog;
import com.fmugateway.domain.checkout.port.in.GetPaymentTermsQuery;
import com.fmugateway.domain.shared.model.Money;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Runs paid with x402. Before the run a payment must meet this run's requirements, stay valid past
 * the run's time limit, be judged valid by the facilitator, and be claimed for the first time in
 * the shared log (a replay is refused on every gateway); after a successful run it is settled, and
 * only then ({@link X402Settlements}): a failed run settles nothing. The price is the run price of
 * a checkout, in the token.
 */
final class X402Payments {

  private static final String REPLAYED =
      "this payment was presented before; a signed payment pays for one run";

  /** How long a payment settled at once must stay valid: the facilitator's round trip. */
  private static final Duration SETTLE_MARGIN = Duration.ofSeconds(30);

  private final CreditLedger ledger;
  private final X402Settings settings;
  private final X402Facilitator facilitator;
  private final X402PaymentLog log;
  private final GetPaymentTermsQuery terms;
  private final X402Settlements settlements;
  private final Clock clock;

  X402Payments(
      X402Settings settings,
      X402Facilitator facilitator,
      X402PaymentLog log,
      GetPaymentTermsQuery terms,
      CreditLedger ledger,
      AuditLog audit,
      Clock clock,
      Transactions transactions) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.facilitator = Objects.requireNonNull(facilitator, "facilitator");
    this.log = Objects.requireNonNull(log, "log");
    this.terms = Objects.requireNonNull(terms, "terms");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.settlements = new X402Settlements(facilitator, log, ledger, audit, clock, transactions);
    this.clock = Objects.requireNonNull(clock, "clock");
    settings.atomicUnits(terms.terms().runPrice()); // a run priced in another currency fails here
  }

  /** The requirements of a run now, to offer in a 402. */
  X402Terms requirements() {
    return settings.terms(price());
  }

  /** What to offer a caller who has not paid (yet). */
  X402Offer offer() {
    return new X402Offer(requirements(), Optional.empty());
  }

  /** The requirements of an experiment of {@code runs} runs: the run price times {@code runs}. */
  X402Terms requirements(int runs) {
    return settings.terms(price(runs));
  }

  /**
   * Buys the {@code credits} of experiment {@code experimentId} ({@code runs} cases) with {@code
   * payment}, checked like a run's payment, then settled at once (an experiment's cases end over
   * minutes and the {@code exact} scheme settles one amount once) and credited to the account as a
   * purchase, from which the cases are then held like any credits: a case that fails or is
   * cancelled is not charged and its credits stay with the account. Refused: {@link Refused}; not
   * settled: {@link com.fmugateway.domain.billing.model.X402SettlementFailedException}.
   */
  Mono<Void> buyCredits(
      AccountId caller, UUID experimentId, int runs, long credits, X402Payment payment) {
    return Mono.defer(
        () -> {
          Money price = price(runs);
          X402Terms ours = settings.terms(price);
          Optional<String> wrong = ours.mismatch(payment.accepted()).or(payment::inconsistency);
          if (wrong.isPresent()) {
            return refused(wrong.get());
          }
          Instant now = clock.now();
          if (!payment.validBefore().isAfter(now.plus(SETTLE_MARGIN))) {
            return refused(
                "the authorization expires at "
                    + payment.validBefore()
                    + ", too soon to settle it; sign one valid until after "
                    + now.plus(SETTLE_MARGIN));
          }
          if (payment.validAfter().isAfter(now)) {
            return refused("the authorization is valid only from " + payment.validAfter());
          }
          return log.state(payment.key())
              .flatMap(known -> Mono.<RunFunding.Secured>error(new Refused(REPLAYED)))
              .switchIfEmpty(
                  Mono.defer(
                      () ->
                          facilitator
                              .verify(payment, ours)
                              .flatMap(
                                  verdict ->
                                      verdict.valid()
                                          ? claim(caller, experimentId, payment, ours, price, now)
                                          : refused(
                                              "the facilitator judged it invalid ("
                                                  + verdict
                                                      .invalidReason()
                                                      .orElse("no reason given")
                                                  + ")"))))
              .cast(RunFunding.ByX402.class)
              .flatMap(funding -> settlements.settle(caller, experimentId, funding))
              .then(
                  ledger.credit(
                      caller,
                      EntryKind.PURCHASE,
                      credits,
                      LedgerKey.purchase("x402:" + payment.key()),
                      "x402 " + price.display() + " for experiment " + experimentId))
              .then();
        });
  }

  /**
   * Secures run {@code command} with {@code payment}: the funding, or an error {@link Refused}
   * saying why the payment cannot pay for it (the caller is then answered 402).
   */
  Mono<RunFunding.Secured> secure(SecureRunCommand command, X402Payment payment) {
    return Mono.defer(
        () -> {
          Money price = price();
          X402Terms ours = settings.terms(price);
          Optional<String> wrong = ours.mismatch(payment.accepted()).or(payment::inconsistency);
          if (wrong.isPresent()) {
            return refused(wrong.get());
          }
          Instant now = clock.now();
          Instant mustOutlive = now.plus(command.limit());
          if (!payment.validBefore().isAfter(mustOutlive)) {
            return refused(
                "the authorization expires at "
                    + payment.validBefore()
                    + ", before this run's time limit ("
                    + command.limit().toSeconds()
                    + " s) would end; sign one valid until after "
                    + mustOutlive);
          }
          if (payment.validAfter().isAfter(now)) {
            return refused("the authorization is valid only from " + payment.validAfter());
          }
          // Known here already: a replay, refused without troubling the facilitator. The claim
          // after verification is what makes this safe against two gateways at once.
          return log.state(payment.key())
              .flatMap(known -> Mono.<RunFunding.Secured>error(new Refused(REPLAYED)))
              .switchIfEmpty(verifyAndClaim(command, payment, ours, price, now));
        });
  }

  private Mono<RunFunding.Secured> verifyAndClaim(
      SecureRunCommand command, X402Payment payment, X402Terms ours, Money price, Instant now) {
    return Mono.defer(
        () ->
            facilitator
                .verify(payment, ours)
                .flatMap(
                    verdict ->
                        verdict.valid()
                            ? claim(command, payment, ours, price, now)
                            : refused(
                                "the facilitator judged it invalid ("
                                    + verdict.invalidReason().orElse("no reason given")
                                    + ")")));
  }

  private Mono<RunFunding.Secured> claim(
      SecureRunCommand command, X402Payment payment, X402Terms ours, Money price, Instant now) {
    return claim(command.caller(), command.runId(), payment, ours, price, now);
  }

  private Mono<RunFunding.Secured> claim(
      AccountId caller, UUID runId, X402Payment payment, X402Terms ours, Money price, Instant now) {
    String key = payment.key();
    return log.claim(new X402Claim(key, caller, runId, payment.payer(), ours, price, now))
        .flatMap(
            first ->
                first
                    ? Mono.just(new RunFunding.ByX402(payment, ours, price, key))
                    : refused(REPLAYED));
  }

  private Money price() {
    return terms.terms().runPrice();
  }

  private Money price(int runs) {
    Money one = price();
    return new Money(Math.multiplyExact(one.minorUnits(), (long) runs), one.currency());
  }

  private static <T> Mono<T> refused(String reason) {
    return Mono.error(new Refused(reason));
  }

  /** The run succeeded: settles the payment (see {@link X402Settlements}). */
  Mono<RunCharge> settle(AccountId caller, UUID runId, RunFunding.ByX402 funding) {
    return settlements.settle(caller, runId, funding);
  }

  /** The run did not complete: nothing is settled. */
  Mono<Void> release(RunFunding.ByX402 funding) {
    return settlements.release(funding);
  }

  /** A presented payment cannot pay for this run; the use case answers it with a 402. */
  static final class Refused extends RuntimeException {

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }
}
