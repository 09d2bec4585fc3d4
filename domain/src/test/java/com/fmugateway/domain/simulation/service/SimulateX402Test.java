package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402PaymentState;
import com.fmugateway.domain.billing.model.X402SettlementFailedException;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.fixtures.InMemoryX402PaymentLog;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.fixtures.ProbedTransactions;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Runs paid with x402: verified before, settled after a success only, each payment once. */
class SimulateX402Test {

  private static final String PAYER = "0x857b06519E91e3A54538791bDbb0E22373e36b66";

  private final PaymentWorld world = new PaymentWorld(0);
  private final AccountId alice = world.newAccount();

  @Test
  void givenNoCredits_the402OffersX402InTheRunsPriceAsUsdcUnits() {
    PaymentDemand demand = paymentRequired(PaymentChoice.CREDITS);

    X402Terms terms = demand.x402().orElseThrow().terms();
    assertThat(terms.amount()).isEqualTo("1000000"); // $1.00 in 6 decimals
    assertThat(terms.scheme()).isEqualTo("exact");
    assertThat(terms.network()).isEqualTo("eip155:8453");
    assertThat(terms.payTo()).isEqualTo(PaymentWorld.X402.payTo());
    assertThat(demand.x402().get().refusal()).isEmpty();
  }

  @Test
  void givenAValidPayment_theRunIsSettledOnceAfterItAndNoCreditMoves() {
    X402Payment payment = payment(terms(), validFor(Duration.ofMinutes(5)));

    SimulationReport report =
        SimulateServiceTest.report(world.simulate.simulate(command(x402(payment))));

    assertThat(report.x402())
        .hasValueSatisfying(
            receipt -> {
              assertThat(receipt.success()).isTrue();
              assertThat(receipt.transaction()).isEqualTo("0xtx1");
            });
    assertThat(report.costCredits()).isZero();
    assertThat(world.facilitator.verified()).hasSize(1);
    assertThat(world.facilitator.settled()).hasSize(1);
    assertThat(world.x402Log.state(payment.key()).block()).isEqualTo(X402PaymentState.SETTLED);
    assertThat(world.ledger.balance(alice).block()).isZero();
    assertThat(world.ledger.entries(alice, 10).collectList().block())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.kind()).isEqualTo(EntryKind.PAYMENT);
              assertThat(entry.amount()).isZero();
              assertThat(entry.reference()).contains("0xtx1").contains("1.00");
            });
    assertThat(world.audit.actions()).contains("x402.settled");
  }

  @Test
  void aSettledPayment_isLoggedChargedAndAuditedInOneTransaction() {
    X402Payment payment = payment(terms(), validFor(Duration.ofMinutes(5)));
    world.billingTransactions.observe(
        () ->
            Arrays.asList(
                world.x402Log.state(payment.key()).block(),
                world.ledger.entries(alice, 10).count().block(),
                world.audit.actions().contains("x402.settled")));

    SimulateServiceTest.report(world.simulate.simulate(command(x402(payment))));

    // One unit saw none of the three writes before it and all of them after it.
    assertThat(world.billingTransactions.units())
        .contains(
            new ProbedTransactions.Unit(
                Arrays.asList(X402PaymentState.CLAIMED, 0L, false),
                Arrays.asList(X402PaymentState.SETTLED, 1L, true)));
  }

  @Test
  void givenThePaymentAgain_itIsRefusedAsAReplay() {
    X402Payment payment = payment(terms(), validFor(Duration.ofMinutes(5)));
    SimulateServiceTest.report(world.simulate.simulate(command(x402(payment))));

    PaymentDemand refused = paymentRequired(x402(payment));

    assertThat(refused.x402().orElseThrow().refusal()).get().asString().contains("before");
    assertThat(world.simulator.jobs()).hasSize(1);
    assertThat(world.facilitator.settled()).hasSize(1);
  }

  @Test
  void givenTwoGatewaysSharingTheLog_aPaymentPaysOnOneOnly() {
    InMemoryX402PaymentLog shared = new InMemoryX402PaymentLog();
    MutableClock clock = MutableClock.atEpochDay();
    PaymentWorld one = new PaymentWorld(0, clock, List.of(), shared);
    PaymentWorld two = new PaymentWorld(0, clock, List.of(), shared);
    AccountId bob = one.newAccount();
    X402Payment payment = payment(terms(), clock.now().plus(Duration.ofMinutes(5)));

    SimulateServiceTest.report(one.simulate.simulate(command(bob, x402(payment))));
    SimulationOutcome again = two.simulate.simulate(command(bob, x402(payment))).block();

    assertThat(again).isInstanceOf(SimulationOutcome.PaymentRequired.class);
    assertThat(two.simulator.jobs()).isEmpty();
  }

  @Test
  void givenTheFacilitatorJudgesItInvalid_nothingRuns() {
    world.facilitator.rejectNext("invalid_exact_evm_payload_signature");

    PaymentDemand refused =
        paymentRequired(x402(payment(terms(), validFor(Duration.ofMinutes(5)))));

    assertThat(refused.x402().orElseThrow().refusal())
        .get()
        .asString()
        .contains("invalid_exact_evm_payload_signature");
    assertThat(refused.message()).contains("x402 payment was refused");
    assertThat(world.simulator.jobs()).isEmpty();
    assertThat(world.facilitator.settled()).isEmpty();
  }

  @Test
  void givenAnAuthorizationExpiringWithinTheRunsTimeLimit_itIsRefusedWithoutAskingTheFacilitator() {
    PaymentDemand refused =
        paymentRequired(x402(payment(terms(), validFor(Duration.ofSeconds(10)))));

    assertThat(refused.x402().orElseThrow().refusal()).get().asString().contains("expires");
    assertThat(world.facilitator.verified()).isEmpty();
    assertThat(world.simulator.jobs()).isEmpty();
  }

  @Test
  void givenAnotherAmountOrPayee_itIsRefused() {
    X402Terms ours = terms();
    X402Terms cheaper =
        new X402Terms(
            ours.scheme(),
            ours.network(),
            ours.asset(),
            "1",
            ours.payTo(),
            ours.maxTimeoutSeconds(),
            ours.assetName(),
            ours.assetVersion());
    X402Terms elsewhere =
        new X402Terms(
            ours.scheme(),
            ours.network(),
            ours.asset(),
            ours.amount(),
            "0x0000000000000000000000000000000000000001",
            ours.maxTimeoutSeconds(),
            ours.assetName(),
            ours.assetVersion());

    assertThat(
            paymentRequired(x402(payment(cheaper, validFor(Duration.ofMinutes(5)))))
                .x402()
                .orElseThrow()
                .refusal())
        .get()
        .asString()
        .contains("amount");
    assertThat(
            paymentRequired(x402(payment(elsewhere, validFor(Duration.ofMinutes(5)))))
                .x402()
                .orElseThrow()
                .refusal())
        .get()
        .asString()
        .contains("payTo");
    assertThat(world.facilitator.verified()).isEmpty();
  }

  @Test
  void givenAFailedRun_nothingIsSettledAndThePaymentStaysUsedUp() {
    X402Payment payment = payment(terms(), validFor(Duration.ofMinutes(5)));
    world.simulator.failNext(
        new SimulationFailedException(
            SimulationFailedException.Cause.CRASHED, "signal 11", List.of()));

    StepVerifier.create(world.simulate.simulate(command(x402(payment))))
        .expectError(SimulationFailedException.class)
        .verify();

    assertThat(world.facilitator.settled()).isEmpty();
    assertThat(world.x402Log.state(payment.key()).block()).isEqualTo(X402PaymentState.RUN_FAILED);
    assertThat(world.ledger.entries(alice, 10).collectList().block()).isEmpty();
  }

  @Test
  void givenSettlementFailsAfterTheRun_theResultIsWithheldAndTheRunRecordedUnpaid() {
    X402Payment payment = payment(terms(), validFor(Duration.ofMinutes(5)));
    world.facilitator.failNextSettlement("insufficient_funds");

    StepVerifier.create(world.simulate.simulate(command(x402(payment))))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        X402SettlementFailedException.class,
                        failed ->
                            assertThat(failed.receipt().errorReason())
                                .contains("insufficient_funds")))
        .verify();

    assertThat(world.x402Log.state(payment.key()).block())
        .isEqualTo(X402PaymentState.SETTLE_FAILED);
    assertThat(world.history.all())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.status()).isEqualTo(RunRecord.RunStatus.FAILED);
              assertThat(run.failureCause()).contains(SimulateService.PAYMENT_NOT_SETTLED);
            });
    assertThat(world.audit.actions()).contains("x402.settle_failed");
  }

  @Test
  void givenTheFacilitatorUnreachableAtSettlement_itIsASettlementFailure() {
    X402Payment payment = payment(terms(), validFor(Duration.ofMinutes(5)));
    world.facilitator.unreachableNextSettlement();

    StepVerifier.create(world.simulate.simulate(command(x402(payment))))
        .expectError(X402SettlementFailedException.class)
        .verify();
    assertThat(world.x402Log.state(payment.key()).block())
        .isEqualTo(X402PaymentState.SETTLE_FAILED);
  }

  private X402Terms terms() {
    return PaymentWorld.X402.terms(PaymentWorld.standardTerms().runPrice());
  }

  private Instant validFor(Duration duration) {
    return world.clock.now().plus(duration);
  }

  static X402Payment payment(X402Terms accepted, Instant validBefore) {
    return new X402Payment(
        accepted,
        PAYER,
        accepted.payTo(),
        accepted.amount(),
        Instant.EPOCH,
        validBefore,
        "0x" + UUID.randomUUID().toString().replace("-", ""),
        "{}");
  }

  private PaymentDemand paymentRequired(PaymentChoice payment) {
    SimulationOutcome outcome = world.simulate.simulate(command(payment)).block();
    assertThat(outcome).isInstanceOf(SimulationOutcome.PaymentRequired.class);
    return ((SimulationOutcome.PaymentRequired) outcome).demand();
  }

  private static PaymentChoice x402(X402Payment payment) {
    return new PaymentChoice(
        Optional.empty(), false, CheckoutOptions.DEFAULT, Optional.of(payment));
  }

  private SimulateCommand command(PaymentChoice payment) {
    return command(alice, payment);
  }

  private static SimulateCommand command(AccountId caller, PaymentChoice payment) {
    return new SimulateCommand(
        caller,
        Tier.FREE,
        PaymentWorld.MODEL,
        OptionalDouble.empty(),
        OptionalDouble.of(1.0),
        OptionalDouble.empty(),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        payment,
        Map.of());
  }
}
