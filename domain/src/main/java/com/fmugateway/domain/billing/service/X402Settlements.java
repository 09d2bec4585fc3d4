package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.model.RunCharge;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402PaymentState;
import com.fmugateway.domain.billing.model.X402Receipt;
import com.fmugateway.domain.billing.model.X402SettlementFailedException;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.billing.port.out.X402Facilitator;
import com.fmugateway.domain.billing.port.out.X402PaymentLog;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * How a run paid with x402 ends: settled after it succeeded (and then in the log, the ledger and
 * the audit, in one transaction), or never settled, whether the run failed or the settlement did.
 */
final class X402Settlements {

  private final X402Facilitator facilitator;
  private final X402PaymentLog log;
  private final CreditLedger ledger;
  private final AuditLog audit;
  private final Clock clock;
  private final Transactions transactions;

  X402Settlements(
      X402Facilitator facilitator,
      X402PaymentLog log,
      CreditLedger ledger,
      AuditLog audit,
      Clock clock,
      Transactions transactions) {
    this.facilitator = Objects.requireNonNull(facilitator, "facilitator");
    this.log = Objects.requireNonNull(log, "log");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  /**
   * The run succeeded: settles the payment, then records it in the log, the ledger (an entry that
   * moves no credits) and the audit, all three or none (one durable commit, after the facilitator
   * answered: no connection waits for it). A settlement that fails ends the claim as such and
   * raises {@link X402SettlementFailedException}: the run was not paid for.
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
    return transactions
        .atomically(
            log.end(
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
                            .with("transaction", receipt.transaction()))))
        .thenReturn(new RunCharge(0, Optional.of(receipt)));
  }

  private Mono<RunCharge> unsettled(
      AccountId caller, UUID runId, RunFunding.ByX402 funding, X402Receipt receipt) {
    Instant now = clock.now();
    String reason = receipt.errorReason().orElse("unknown");
    return transactions
        .atomically(
            log.end(
                    funding.key(),
                    X402PaymentState.SETTLE_FAILED,
                    Optional.empty(),
                    Optional.of(reason),
                    now)
                .then(
                    audit.record(
                        event(caller, now, "x402.settle_failed", funding, runId)
                            .with("reason", reason))))
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
}
