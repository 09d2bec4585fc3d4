package com.fmugateway.domain.experiment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.Hold;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.experiment.model.CallbackDelivery;
import com.fmugateway.domain.experiment.model.CallbackSignature;
import com.fmugateway.domain.experiment.model.CaseRun;
import com.fmugateway.domain.experiment.model.CaseShares;
import com.fmugateway.domain.experiment.model.CaseStatus;
import com.fmugateway.domain.experiment.model.ExperimentLimits;
import com.fmugateway.domain.experiment.model.ExperimentOutcome;
import com.fmugateway.domain.experiment.model.ExperimentStatus;
import com.fmugateway.domain.experiment.model.ExperimentView;
import com.fmugateway.domain.experiment.model.ParameterSpec;
import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.experiment.port.in.StartExperimentCommand;
import com.fmugateway.domain.fixtures.InMemoryCallbackQueue;
import com.fmugateway.domain.fixtures.InMemoryCaseQueue;
import com.fmugateway.domain.fixtures.InMemoryCaseResults;
import com.fmugateway.domain.fixtures.InMemoryExperimentStore;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.model.StartValue;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import com.fmugateway.domain.simulation.service.SimulationExecutionService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Experiments end to end in the domain: held up front, each case charged once, cancel, limits. */
class ExperimentServicesTest {

  private static final int PRICE = 10;

  private final PaymentWorld world = new PaymentWorld(100);
  private final InMemoryExperimentStore store = new InMemoryExperimentStore();
  private final InMemoryCaseResults results = new InMemoryCaseResults();
  private final InMemoryCaseQueue queue = new InMemoryCaseQueue();
  private final SimulationExecutionService simulation =
      new SimulationExecutionService(
          (caller, id) -> Mono.just(PaymentWorld.resolved()),
          world.simulator,
          new SimulationSettings(Duration.ofSeconds(20), 1000, "test-1"));
  private final StartExperimentService start =
      new StartExperimentService(
          simulation,
          world.billing,
          world.billing,
          store,
          queue,
          ExperimentLimits.uniform(8, 2),
          world.clock);
  private final InMemoryCallbackQueue callbacks = new InMemoryCallbackQueue();
  private final RunCaseService worker = worker(CaseShares.uniform(100, Duration.ofSeconds(1)));
  private final RunCaseService secondNode =
      worker(CaseShares.uniform(100, Duration.ofSeconds(1)), "node-2");
  private final CancelExperimentService cancel =
      new CancelExperimentService(store, queue, world.billing, world.clock, callbacks);
  private final ExperimentQueryService queries = new ExperimentQueryService(store, results);
  private final AccountId caller = world.newAccount();

  @Test
  void aSweep_holdsEveryCaseUpFront_thenChargesEachCaseOnce() {
    ExperimentView accepted = accepted(sweep(5));

    assertThat(accepted.cases().total()).isEqualTo(5);
    assertThat(accepted.held()).isEqualTo(5 * PRICE);
    assertThat(balance()).isEqualTo(100 - 5 * PRICE);

    List<UUID> taken = queue.take(100);
    taken.forEach(id -> worker.run(id).block());
    taken.forEach(id -> worker.run(id).block()); // a retry charges nothing more

    ExperimentView done = queries.experiment(caller, accepted.experiment().id()).block();
    assertThat(queries.cases(caller, accepted.experiment().id(), 0, 10).block().items())
        .allSatisfy(c -> assertThat(c.failure()).isEmpty());
    assertThat(done.experiment().status()).isEqualTo(ExperimentStatus.SUCCEEDED);
    assertThat(done.cases().succeeded()).isEqualTo(5);
    assertThat(done.charged()).isEqualTo(5 * PRICE);
    assertThat(done.held()).isZero();
    assertThat(done.experiment().startedAt()).isPresent();
    assertThat(done.experiment().finishedAt()).isPresent();
    assertThat(balance()).isEqualTo(100 - 5 * PRICE);
    var first = queries.cases(caller, accepted.experiment().id(), 0, 10).block().items().get(0);
    assertThat(first.node()).contains("node-1");
    assertThat(queries.result(caller, accepted.experiment().id(), 0).block().result().time())
        .isNotEmpty();
  }

  @Test
  void eachCase_runsWithItsOwnStartValues() {
    ExperimentView accepted = accepted(sweep(3));

    queue.take(100).forEach(id -> worker.run(id).block());

    List<Object> sent =
        world.simulator.jobs().stream()
            .map(
                job ->
                    job.plan().startValues().stream()
                        .filter(v -> v.variable().name().equals("real_param"))
                        .map(StartValue::value)
                        .findFirst()
                        .orElseThrow())
            .toList();
    List<Object> asked =
        queries.cases(caller, accepted.experiment().id(), 0, 10).block().items().stream()
            .map(c -> c.parameters().get("real_param"))
            .toList();
    assertThat(sent).containsExactlyInAnyOrderElementsOf(asked).doesNotHaveDuplicates();
  }

  @Test
  void aFailingCase_isFailedWithItsCause_notCharged_andTheExperimentPartiallyFailed() {
    ExperimentView accepted = accepted(sweep(4));
    world.simulator.failNext(
        new SimulationFailedException(
            SimulationFailedException.Cause.TIMEOUT, "the run passed its limit", List.of()));

    queue.take(100).forEach(id -> worker.run(id).block());

    ExperimentView done = queries.experiment(caller, accepted.experiment().id()).block();
    assertThat(done.experiment().status()).isEqualTo(ExperimentStatus.PARTIALLY_FAILED);
    assertThat(done.cases().failed()).isEqualTo(1);
    assertThat(done.charged()).isEqualTo(3 * PRICE);
    assertThat(balance()).isEqualTo(100 - 3 * PRICE);
    var failed =
        queries.cases(caller, accepted.experiment().id(), 0, 10).block().items().stream()
            .filter(c -> c.status() == CaseStatus.FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("TIMEOUT"));
    assertThat(failed.cost()).isZero();
  }

  @Test
  void cancel_releasesTheUnrunCasesAtOnce_andKeepsTheCompletedOnesCharged() {
    ExperimentView accepted = accepted(sweep(6));
    queue.take(2).forEach(id -> worker.run(id).block());

    ExperimentView cancelled = cancel.cancel(caller, accepted.experiment().id()).block();

    assertThat(cancelled.experiment().status()).isEqualTo(ExperimentStatus.CANCELLED);
    assertThat(cancelled.cases().cancelled()).isEqualTo(4);
    assertThat(cancelled.charged()).isEqualTo(2 * PRICE);
    assertThat(cancelled.held()).isZero();
    assertThat(balance()).isEqualTo(100 - 2 * PRICE);
    assertThat(queue.size()).isZero();
  }

  @Test
  void aRunningCase_isStoppedByCancel_andNotCharged() {
    ExperimentView accepted = accepted(sweep(1));
    world.simulator.hangNext();
    UUID only = queue.take(1).get(0);
    var running = worker.run(only).toFuture();

    while (store.caseById(only).block().status() != CaseStatus.RUNNING) {
      Thread.onSpinWait();
    }
    cancel.cancel(caller, accepted.experiment().id()).block();
    running.join();

    assertThat(store.caseById(only).block().status()).isEqualTo(CaseStatus.CANCELLED);
    assertThat(balance()).isEqualTo(100);
  }

  @Test
  void anEndedExperimentWithACallback_queuesItOnce_evenWhenItsLastCaseIsRunAgain() {
    ExperimentView accepted = acceptedWithCallback(sweep(3));
    List<UUID> taken = queue.take(100);

    taken.forEach(id -> worker.run(id).block());
    taken.forEach(id -> worker.run(id).block()); // a retry ends nothing a second time

    assertThat(callbacks.requests()).containsExactly(accepted.experiment().id());
  }

  @Test
  void aCancelledExperimentWithACallback_queuesIt_andWithoutOneQueuesNothing() {
    ExperimentView withCallback = acceptedWithCallback(sweep(2));
    ExperimentView without = accepted(sweep(2));

    cancel.cancel(caller, withCallback.experiment().id()).block();
    cancel.cancel(caller, withCallback.experiment().id()).block();
    cancel.cancel(caller, without.experiment().id()).block();

    assertThat(callbacks.requests()).containsExactly(withCallback.experiment().id());
  }

  @Test
  void givenItsAccountAtItsShare_aQueuedCaseWaits_andRunsOnceASlotFrees() {
    RunCaseService oneAtATime = worker(CaseShares.uniform(1, Duration.ofSeconds(1)));
    accepted(sweep(2));
    List<UUID> taken = queue.take(2);
    world.simulator.hangNext();
    var first = oneAtATime.run(taken.get(0)).toFuture();
    while (store.caseById(taken.get(0)).block().status() != CaseStatus.RUNNING) {
      Thread.onSpinWait();
    }

    assertThat(oneAtATime.run(taken.get(1)).block()).isEqualTo(CaseRun.WAITS);
    assertThat(store.caseById(taken.get(1)).block().status()).isEqualTo(CaseStatus.QUEUED);

    store
        .end(
            taken.get(0),
            CaseStatus.TRANSITIONS.between(CaseStatus.RUNNING, CaseStatus.CANCELLED),
            Optional.empty(),
            Map.of(),
            world.clock.now())
        .block();
    first.join();
    assertThat(oneAtATime.run(taken.get(1)).block()).isEqualTo(CaseRun.RAN);
    assertThat(store.caseById(taken.get(1)).block().status()).isEqualTo(CaseStatus.SUCCEEDED);
  }

  @Test
  void aCallback_isSignedWithTheAccountsSecret_andSaysHowTheExperimentEnded() {
    List<String> bodies = new java.util.ArrayList<>();
    List<Map<String, String>> headers = new java.util.ArrayList<>();
    int[] status = {500};
    CallbackSignature signature = new CallbackSignature(new ApiKeyHasher(new byte[32]));
    CallbackService service =
        new CallbackService(
            store,
            (url, json, sent) -> {
              bodies.add(json);
              headers.add(sent);
              return Mono.just(status[0]);
            },
            signature,
            world.clock,
            () -> "https://gw.example");
    ExperimentView accepted = acceptedWithCallback(sweep(2));
    UUID id = accepted.experiment().id();

    assertThat(service.deliver(id).block()).isEqualTo(CallbackDelivery.NOT_WANTED);
    queue.take(100).forEach(c -> worker.run(c).block());
    assertThat(service.deliver(id).block()).isEqualTo(CallbackDelivery.REFUSED);
    status[0] = 204;
    assertThat(service.deliver(id).block()).isEqualTo(CallbackDelivery.DELIVERED);

    String body = bodies.get(1);
    assertThat(body)
        .startsWith("{\"type\":\"experiment.ended\",\"experiment_id\":\"" + id + "\"")
        .contains("\"status\":\"succeeded\"")
        .contains("\"cases\":{\"total\":2,\"succeeded\":2,\"failed\":0,\"cancelled\":0}")
        .contains("\"cost\":{\"held\":0,\"charged\":" + 2 * PRICE + "}")
        .contains("\"self\":\"https://gw.example/experiments/" + id + "\"");
    String secret = service.webhookSecret(caller);
    long t = world.clock.now().getEpochSecond();
    assertThat(headers.get(1))
        .containsEntry("FMUGW-Signature", CallbackSignature.header(secret, t, body))
        .containsEntry("FMUGW-Event-Id", id.toString());
    assertThat(secret).startsWith("whsec_").isNotEqualTo(service.webhookSecret(world.newAccount()));
  }

  @Test
  void aCaseMarkedSucceededByANodeThatDiedBeforeCharging_isChargedByTheNodeRunningItAgain() {
    ExperimentView accepted = accepted(sweep(1));
    UUID only = queue.take(1).get(0);
    world.simulator.holdRuns();
    var again = secondNode.run(only).toFuture();
    awaitStatus(only, CaseStatus.RUNNING);

    // Another node ran the case too (taken for dead, it was not): it ends it, then dies unsettled.
    store.end(only, RUNNING_TO_SUCCEEDED, Optional.empty(), Map.of(), world.clock.now()).block();
    world.simulator.endHeldRuns();
    again.join();

    assertThat(queries.experiment(caller, accepted.experiment().id()).block().charged())
        .isEqualTo(PRICE);
    assertThat(balance()).isEqualTo(100 - PRICE);
  }

  @Test
  void aCaseSettledByANodeThatDiedBeforeRecordingTheCharge_showsTheChargeOnce() {
    ExperimentView accepted = accepted(sweep(1));
    UUID only = queue.take(1).get(0);
    world.simulator.holdRuns();
    var again = secondNode.run(only).toFuture();
    awaitStatus(only, CaseStatus.RUNNING);

    // Another node ran it too: it ended the case and settled its hold, then died before recording
    // the charge on the case.
    store.end(only, RUNNING_TO_SUCCEEDED, Optional.empty(), Map.of(), world.clock.now()).block();
    world
        .billing
        .settle(
            caller,
            only,
            new RunFunding.ByCredits(Hold.ofCase(caller, only, PRICE)),
            Duration.ofMillis(1))
        .block();
    world.simulator.endHeldRuns();
    again.join();

    assertThat(queries.experiment(caller, accepted.experiment().id()).block().charged())
        .isEqualTo(PRICE);
    assertThat(store.caseById(only).block().cost()).isEqualTo(PRICE);
    assertThat(balance()).isEqualTo(100 - PRICE);
  }

  @Test
  void aCaseThatFailsOnOneNodeAfterAnotherMarkedItSucceeded_isChargedNotReleased() {
    ExperimentView accepted = accepted(sweep(2));
    List<UUID> cases = queue.take(2);
    worker.run(cases.get(0)).block();
    UUID second = cases.get(1);
    world.simulator.holdRuns();
    world.simulator.failNext(
        new SimulationFailedException(
            SimulationFailedException.Cause.CRASHED, "the worker died", List.of()));
    var again = secondNode.run(second).toFuture();
    awaitStatus(second, CaseStatus.RUNNING);

    // Another node ran it too: it stored its result and ended the case, then died unsettled.
    results.store(second, results.result(cases.get(0)).block()).block();
    store.end(second, RUNNING_TO_SUCCEEDED, Optional.empty(), Map.of(), world.clock.now()).block();
    world.simulator.endHeldRuns();
    again.join();

    assertThat(store.caseById(second).block().status()).isEqualTo(CaseStatus.SUCCEEDED);
    assertThat(queries.experiment(caller, accepted.experiment().id()).block().charged())
        .isEqualTo(2 * PRICE);
    assertThat(balance()).isEqualTo(100 - 2 * PRICE);
  }

  @Test
  void shortOfCredits_holdsNothing_andSaysWhatToPay() {
    ExperimentOutcome outcome = start.start(command(sweep(8))).block();
    ExperimentOutcome more = start.start(command(sweep(8))).block(); // 80 of 100 is held by now

    assertThat(outcome).isInstanceOf(ExperimentOutcome.Accepted.class);
    assertThat(more).isInstanceOf(ExperimentOutcome.PaymentRequired.class);
    var demand = ((ExperimentOutcome.PaymentRequired) more).demand();
    assertThat(demand.quote()).isEqualTo(8 * PRICE);
    assertThat(demand.balance()).isEqualTo(20);
    assertThat(demand.offer().orElseThrow().checkout()).isPresent();
    assertThat(balance()).isEqualTo(20);
  }

  @Test
  void quoteOnly_quotesAndHoldsNothing() {
    SimulateCommand base = base(new PaymentChoice(Optional.empty(), true, CheckoutOptions.DEFAULT));
    ExperimentOutcome outcome =
        start.start(new StartExperimentCommand(base, sweep(5), Optional.empty())).block();

    assertThat(outcome).isEqualTo(new ExperimentOutcome.Quoted(5, PRICE, 100));
    assertThat(balance()).isEqualTo(100);
  }

  @Test
  void limits_areNamed() {
    assertThatThrownBy(() -> start.start(command(sweep(9))).block())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cases_per_experiment")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("sweep");
    accepted(sweep(1));
    accepted(sweep(1));
    assertThatThrownBy(() -> start.start(command(sweep(1))).block())
        .isInstanceOf(LimitReachedException.class)
        .extracting(e -> ((LimitReachedException) e).limit())
        .isEqualTo("experiments_running");
  }

  @Test
  void anUnknownParameter_isNamedInTheSweep() {
    Sweep bad =
        new Sweep(
            SweepMethod.FULL_FACTORIAL,
            Map.of("nope", new ParameterSpec.Values(List.of(1.0))),
            OptionalInt.empty(),
            0,
            List.of());

    assertThatThrownBy(() -> start.start(command(bad)).block())
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("sweep.parameters.nope");
    assertThat(
            world
                .ledger
                .entries(
                    caller,
                    java.util.Set.of(com.fmugateway.domain.billing.model.EntryKind.HOLD),
                    10)
                .collectList()
                .block())
        .isEmpty();
  }

  @Test
  void anotherAccountsExperiment_isNotFound() {
    ExperimentView accepted = accepted(sweep(1));
    AccountId other = world.newAccount();
    UUID id = accepted.experiment().id();

    assertThatThrownBy(() -> queries.experiment(other, id).block())
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> cancel.cancel(other, id).block())
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> queries.cases(other, id, 0, 10).block())
        .isInstanceOf(NotFoundException.class);
    assertThat(
            queries
                .experiments(other, com.fmugateway.domain.shared.model.PageRequest.first())
                .block()
                .total())
        .isZero();
  }

  private RunCaseService worker(CaseShares shares) {
    return worker(shares, "node-1");
  }

  private RunCaseService worker(CaseShares shares, String node) {
    return new RunCaseService(
        store,
        results,
        simulation,
        world.billing,
        world.clock,
        node,
        Duration.ofMillis(5),
        callbacks,
        world.accounts::findById,
        shares);
  }

  private ExperimentView acceptedWithCallback(Sweep sweep) {
    ExperimentOutcome outcome =
        start
            .start(
                new StartExperimentCommand(
                    base(PaymentChoice.CREDITS), sweep, Optional.of("https://example.com/hook")))
            .block();
    assertThat(outcome).isInstanceOf(ExperimentOutcome.Accepted.class);
    return ((ExperimentOutcome.Accepted) outcome).experiment();
  }

  private ExperimentView accepted(Sweep sweep) {
    ExperimentOutcome outcome = start.start(command(sweep)).block();
    assertThat(outcome).isInstanceOf(ExperimentOutcome.Accepted.class);
    return ((ExperimentOutcome.Accepted) outcome).experiment();
  }

  private static final com.fmugateway.domain.shared.model.Transition<CaseStatus>
      RUNNING_TO_SUCCEEDED =
          CaseStatus.TRANSITIONS.between(CaseStatus.RUNNING, CaseStatus.SUCCEEDED);

  private void awaitStatus(UUID caseId, CaseStatus status) {
    while (store.caseById(caseId).block().status() != status) {
      Thread.onSpinWait();
    }
  }

  private long balance() {
    return world.ledger.balance(caller).block();
  }

  private static Sweep sweep(int samples) {
    return new Sweep(
        SweepMethod.LATIN_HYPERCUBE,
        Map.of("real_param", new ParameterSpec.Uniform(0, 5)),
        OptionalInt.of(samples),
        7,
        List.of());
  }

  private StartExperimentCommand command(Sweep sweep) {
    return new StartExperimentCommand(base(PaymentChoice.CREDITS), sweep, Optional.empty());
  }

  private SimulateCommand base(PaymentChoice payment) {
    return new SimulateCommand(
        caller,
        Tier.FREE,
        PaymentWorld.MODEL,
        OptionalDouble.empty(),
        OptionalDouble.of(1),
        OptionalDouble.of(0.1),
        Map.of(),
        List.of(),
        List.of("real_out"),
        List.of("real_out_max"),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        payment,
        Map.of());
  }
}
