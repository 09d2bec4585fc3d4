package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.model.RunCharge;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.model.X402Claim;
import com.fmugateway.domain.billing.model.X402Offer;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402PaymentState;
import com.fmugateway.domain.billing.model.X402Receipt;
import com.fmugateway.domain.billing.model.X402Settings;
import com.fmugateway.domain.billing.model.X402SettlementFailedException;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.billing.port.in.SecureRunCommand;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.billing.port.out.X402Facilitator;
import com.fmugateway.domain.billing.port.out.X402PaymentLog;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.checkout.port.in.GetPaymentTermsQuery;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.model.Money;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Runs paid with x402. Before the run a payment must meet this run's requirements, stay valid past
 * the run's time limit, be judged valid by the facilitator, and be claimed for the first time in
 * the shared log (a replay is refused on every gateway); after a successful run it is settled, and
 * only then: a failed run settles nothing. The price is the run price of a checkout, in the token.
 */
final class X402Payments {

  private static final String REPLAYED =
      "this payment was presented before; a signed payment pays for one run";

  private final X402Settings settings;
  private final X402Facilitator facilitator;
  private final X402PaymentLog log;
  private final GetPaymentTermsQuery terms;
  private final CreditLedger ledger;
  private final AuditLog audit;
  private final Clock clock;

  X402Payments(
      X402Settings settings,
      X402Facilitator facilitator,
      X402PaymentLog log,
      GetPaymentTermsQuery terms,
      CreditLedger ledger,
      AuditLog audit,
      Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.facilitator = Objects.requireNonNull(facilitator, "facilitator");
    this.log = Objects.requireNonNull(log, "log");
    this.terms = Objects.requireNonNull(terms, "terms");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.audit = Objects.requireNonNull(audit, "audit");
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
    String key = payment.key();
    return log.claim(
            new X402Claim(
                key, command.caller(), command.runId(), payment.payer(), ours, price, now))
        .flatMap(
            first ->
                first
                    ? Mono.just(new RunFunding.ByX402(payment, ours, price, key))
                    : refused(REPLAYED));
  }

  /**
   * The run succeeded: settles the payment, then records it in the log, the ledger (an entry that
   * moves no credits) and the audit. A settlement that fails ends the claim as such and raises
   * {@link X402SettlementFailedException}: the run was not paid for.
   */
  Mono<RunCharge> settle(AccountId caller, UUID runId, RunFunding.ByX402 funding) {
    X402Payment payment = funding.paidWith();
    return facilitator
        .settle(payment, funding.terms())
        .onErrorResume(
            ProviderUnavailableException.class,
            down ->
                Mono.just(
                    X402Receipt.failed(
                        "facilitator unreachable: " + down.getMessage(),
                        funding.terms().network(),
                        payment.payer())))
        .flatMap(
            receipt ->
                receipt.success()
                    ? settled(caller, runId, funding, receipt)
                    : unsettled(caller, runId, funding, receipt));
  }

  private Mono<RunCharge> settled(
      AccountId caller, UUID runId, RunFunding.ByX402 funding, X402Receipt receipt) {
    Instant now = clock.now();
    return log.end(
            funding.key(),
            X402PaymentState.SETTLED,
            Optional.of(receipt.transaction()),
            Optional.empty(),
            now)
        .then(
            ledger.credit(
                caller,
                EntryKind.PAYMENT,
                0,
                LedgerKey.payment(runId.toString()),
                "x402 " + funding.price().display() + " tx " + receipt.transaction()))
        .then(
            audit.record(
                event(caller, now, "x402.settled", funding, runId)
                    .with("transaction", receipt.transaction())))
        .thenReturn(new RunCharge(0, Optional.of(receipt)));
  }

  private Mono<RunCharge> unsettled(
      AccountId caller, UUID runId, RunFunding.ByX402 funding, X402Receipt receipt) {
    Instant now = clock.now();
    String reason = receipt.errorReason().orElse("unknown");
    return log.end(
            funding.key(),
            X402PaymentState.SETTLE_FAILED,
            Optional.empty(),
            Optional.of(reason),
            now)
        .then(
            audit.record(
                event(caller, now, "x402.settle_failed", funding, runId).with("reason", reason)))
        .then(Mono.error(new X402SettlementFailedException(receipt, funding.terms())));
  }

  /** The run did not complete: the claim ends unsettled; the payer's funds never moved. */
  Mono<Void> release(RunFunding.ByX402 funding) {
    return Mono.defer(
            () ->
                log.end(
                    funding.key(),
                    X402PaymentState.RUN_FAILED,
                    Optional.empty(),
                    Optional.of("the run did not complete"),
                    clock.now()))
        .then();
  }

  private static AuditEvent event(
      AccountId caller, Instant at, String action, RunFunding.ByX402 funding, UUID runId) {
    return AuditEvent.by(caller, at, action, funding.key())
        .with("run", runId.toString())
        .with("payer", funding.paidWith().payer())
        .with("amount", funding.terms().amount())
        .with("asset", funding.terms().asset())
        .with("network", funding.terms().network())
        .with("price", funding.price().display());
  }

  private Money price() {
    return terms.terms().runPrice();
  }

  private static <T> Mono<T> refused(String reason) {
    return Mono.error(new Refused(reason));
  }

  /** A presented payment cannot pay for this run; the use case answers it with a 402. */
  static final class Refused extends RuntimeException {

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }
}
