package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Runs one account may have in progress at once: beyond its limit none starts, others still do. */
class SimulateConcurrencyTest {

  private static final int LIMIT = PaymentWorld.CONCURRENT_RUNS;
  private static final PaymentChoice QUOTE_ONLY =
      new PaymentChoice(Optional.empty(), true, CheckoutOptions.DEFAULT);

  private final PaymentWorld world = new PaymentWorld(1_000);
  private final AccountId alice = world.newAccount();
  private final AccountId bob = world.newAccount();

  @Test
  void anAccountAtItsLimit_isRefusedAnotherRunWhileOtherAccountsStillRun() {
    world.simulator.holdRuns();
    CompletableFuture<SimulationOutcome> first = simulate(alice).toFuture();
    CompletableFuture<SimulationOutcome> second = simulate(alice).toFuture();
    long balance = world.ledger.balance(alice).block();

    StepVerifier.create(simulate(alice))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        LimitReachedException.class,
                        limit -> {
                          assertThat(limit.limit()).isEqualTo("concurrent_runs");
                          assertThat(limit.max()).isEqualTo(LIMIT);
                          assertThat(limit.retryAfter()).isPresent();
                        }))
        .verify();
    assertThat(world.simulate.simulate(command(alice, QUOTE_ONLY)).block())
        .as("a quote runs nothing and needs no slot")
        .isInstanceOf(SimulationOutcome.PaymentRequired.class);
    CompletableFuture<SimulationOutcome> bobs = simulate(bob).toFuture();
    assertThat(world.simulator.jobs()).hasSize(LIMIT + 1);
    assertThat(world.ledger.balance(alice).block()).as("nothing held for it").isEqualTo(balance);

    world.simulator.endHeldRuns();
    assertThat(List.of(first.join(), second.join(), bobs.join()))
        .allMatch(SimulationOutcome.Completed.class::isInstance);
    assertThat(world.concurrentRuns.held(alice)).isZero();
    assertThat(simulate(alice).block()).isInstanceOf(SimulationOutcome.Completed.class);
  }

  @Test
  void failedAndCancelledRuns_giveTheirSlotsBack() {
    world.simulator.failNext(
        new SimulationFailedException(
            SimulationFailedException.Cause.TIMEOUT, "exceeded its 20 s limit", List.of()));
    StepVerifier.create(simulate(alice)).expectError(SimulationFailedException.class).verify();
    world.simulator.hangNext();
    Disposable abandoned = simulate(alice).subscribe();
    assertThat(world.concurrentRuns.held(alice)).isEqualTo(1);
    abandoned.dispose();

    assertThat(world.concurrentRuns.held(alice)).isZero();
    world.simulator.holdRuns();
    List<CompletableFuture<SimulationOutcome>> running =
        List.of(simulate(alice).toFuture(), simulate(alice).toFuture());
    assertThat(world.simulator.jobs()).hasSize(2 + LIMIT);
    world.simulator.endHeldRuns();
    running.forEach(CompletableFuture::join);
  }

  private Mono<SimulationOutcome> simulate(AccountId caller) {
    return world.simulate.simulate(command(caller, PaymentChoice.CREDITS));
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
