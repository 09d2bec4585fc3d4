package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.ApiKeySecret;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.PriceList;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.billing.service.RunBillingService;
import com.fmugateway.domain.checkout.service.CheckoutService;
import com.fmugateway.domain.checkout.service.PaymentTokenService;
import com.fmugateway.domain.fixtures.FakeSimulator;
import com.fmugateway.domain.fixtures.InMemoryAccounts;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryConcurrentRuns;
import com.fmugateway.domain.fixtures.InMemoryCreditLedger;
import com.fmugateway.domain.fixtures.InMemoryPaymentRequirementLog;
import com.fmugateway.domain.fixtures.InMemoryPaymentSessions;
import com.fmugateway.domain.fixtures.InMemoryPaymentTokens;
import com.fmugateway.domain.fixtures.InMemoryRunHistory;
import com.fmugateway.domain.fixtures.InMemorySettledRuns;
import com.fmugateway.domain.fixtures.InMemoryTransactions;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.InspectedFmu;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.port.out.Transactions;
import com.fmugateway.domain.simulation.model.ConcurrencyLimits;
import com.fmugateway.domain.simulation.model.ResultAssembler;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.RunRequest;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.StreamedRun;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import com.fmugateway.domain.simulation.port.in.SimulateCommand.SignalSpec;
import com.fmugateway.domain.simulation.port.out.SettledRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SimulateServiceTest {

  private static final AccountId CALLER = AccountId.random();
  private static final FmuId ID = FmuId.library("AllTypes");

  private final FakeSimulator simulator = new FakeSimulator();
  private final MutableClock clock = MutableClock.atEpochDay();
  private final InMemoryAccounts accounts = new InMemoryAccounts();
  private final InMemoryRunHistory history = new InMemoryRunHistory();
  private final InMemoryConcurrentRuns slots = new InMemoryConcurrentRuns();
  private final InMemoryCreditLedger ledger = new InMemoryCreditLedger(clock, slots);
  private final CountedSettledRuns settledRuns =
      new CountedSettledRuns(new InMemorySettledRuns(ledger, history, slots));
  private ModelDescription model = Models.allTypes();
  private final ObservedTransactions transactions = new ObservedTransactions();
  private final SimulateService service =
      new SimulateService(
          (caller, id) -> Mono.just(resolved(model)),
          simulator,
          new SimulationSettings(Duration.ofSeconds(20), 1000, "test-1"),
          new RunBillingService(
              ledger,
              new PriceList(10, 1),
              Map.of(Tier.FREE, new TierPolicy(Tier.FREE, 100, 10)),
              new PaymentTokenService(
                  new InMemoryPaymentTokens(),
                  new InMemoryPaymentSessions(),
                  new InMemoryAuditLog(),
                  clock),
              noProviders(),
              noProviders(),
              new InMemoryPaymentRequirementLog(),
              new InMemoryAuditLog(),
              clock,
              new InMemoryTransactions()),
          history,
          settledRuns,
          clock,
          slots,
          ConcurrencyLimits.uniform(2, Duration.ofMinutes(5)),
          transactions);

  @BeforeEach
  void openTheCallersAccount() {
    Account account = new Account(CALLER, clock.now());
    accounts
        .createWithKey(
            account,
            ApiKey.issue(
                CALLER, ApiKeySecret.generate(), new ApiKeyHasher(new byte[32]), clock.now()))
        .block();
  }

  @Test
  void aRun_holdsTheQuoteCapturesTheCostAndRecordsTheRun() {
    SimulationReport report = report(service.simulate(command().build()));

    assertThat(report.quotedCredits()).isEqualTo(30);
    assertThat(report.costCredits()).isEqualTo(11);
    assertThat(ledger.balance(CALLER).block()).isEqualTo(100 - 11);
    assertThat(history.all())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.status()).isEqualTo(RunRecord.RunStatus.SUCCEEDED);
              assertThat(run.costCredits()).isEqualTo(11);
              assertThat(run.id()).isEqualTo(report.runId());
            });
  }

  @Test
  void aRun_isChargedRecordedAndGivesItsSlotBackInOneWrite() {
    report(service.simulate(command().build()));

    assertThat(settledRuns.writes).hasValue(1);
    assertThat(transactions.units).isEmpty();
    assertThat(slots.held(CALLER)).isZero();
  }

  @Test
  void aHoldReleasedWhileItsRunWasGoing_isNotChargedAndTheRunIsStillRecordedInOneTransaction() {
    simulator.holdRuns();
    java.util.concurrent.CompletableFuture<SimulationOutcome> running =
        service.simulate(command().build()).toFuture();
    clock.advance(Duration.ofHours(1));
    assertThat(ledger.releaseStaleHolds(Duration.ofMinutes(30)).block()).isEqualTo(1);

    simulator.endHeldRuns();
    SimulationOutcome outcome = running.join();

    assertThat(((SimulationOutcome.Completed) outcome).report().costCredits()).isZero();
    assertThat(ledger.balance(CALLER).block()).isEqualTo(100);
    // The one write found the hold ended: the long way recorded the run with nothing captured.
    assertThat(transactions.units).containsExactly(new Unit(0, 1));
    assertThat(history.all())
        .singleElement()
        .satisfies(run -> assertThat(run.costCredits()).isZero());
    assertThat(slots.held(CALLER)).isZero();
  }

  /** Counts the one-write endings of runs. */
  private static final class CountedSettledRuns implements SettledRuns {

    final java.util.concurrent.atomic.AtomicInteger writes =
        new java.util.concurrent.atomic.AtomicInteger();
    private final SettledRuns inner;

    CountedSettledRuns(SettledRuns inner) {
      this.inner = inner;
    }

    @Override
    public Mono<Boolean> settleAndRecord(
        com.fmugateway.domain.billing.model.Settlement settlement, RunRecord run) {
      return inner.settleAndRecord(settlement, run).doOnNext(applied -> writes.incrementAndGet());
    }
  }

  @Test
  void aFailedRun_isReleasedAndRecordedInOneTransaction() {
    simulator.failNext(
        new SimulationFailedException(
            SimulationFailedException.Cause.CRASHED, "signal 11", List.of()));

    StepVerifier.create(service.simulate(command().build())).expectError().verify();

    assertThat(transactions.units).containsExactly(new Unit(30, 1));
  }

  /** What one atomic unit of work changed: the caller's balance and the runs recorded. */
  private record Unit(long balanceChange, int runsRecorded) {}

  /** Runs work as it is (nothing to roll back in memory), noting what each unit changed. */
  private final class ObservedTransactions implements Transactions {

    final List<Unit> units = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public <T> Mono<T> atomically(Mono<T> work) {
      return ledger
          .balance(CALLER)
          .flatMap(
              before -> {
                int runs = history.all().size();
                return work.materialize()
                    .flatMap(
                        signal ->
                            ledger
                                .balance(CALLER)
                                .doOnNext(
                                    after ->
                                        units.add(
                                            new Unit(after - before, history.all().size() - runs)))
                                .thenReturn(signal));
              })
          .dematerialize();
    }
  }

  @Test
  void aBalanceShortOfTheQuote_isPaymentRequiredAndNothingRuns() {
    ledger
        .credit(
            CALLER,
            EntryKind.GRANT,
            100,
            LedgerKey.grant(YearMonth.from(clock.now().atOffset(ZoneOffset.UTC))),
            "test")
        .block();
    ledger.hold(CALLER, 80, "someone-else").block();

    StepVerifier.create(service.simulate(command().build()))
        .assertNext(
            outcome -> {
              assertThat(outcome).isInstanceOf(SimulationOutcome.PaymentRequired.class);
              PaymentDemand demand = ((SimulationOutcome.PaymentRequired) outcome).demand();
              assertThat(demand.quote()).isEqualTo(30);
              assertThat(demand.balance()).isEqualTo(20);
            })
        .verifyComplete();
    assertThat(simulator.jobs()).isEmpty();
    assertThat(ledger.balance(CALLER).block()).isEqualTo(20);
    assertThat(slots.held(CALLER)).isZero();
  }

  @Test
  void aRun_isRecordedWithEverySettingItWasAskedWithAndTheModelName() {
    report(
        service.simulate(
            command()
                .startTime(0.5)
                .stopTime(2)
                .step(0.25)
                .startValues(Map.of("real_param", 1.5, "bool_in", true))
                .inputSignals(
                    List.of(
                        new SignalSpec(
                            "real_in", new double[] {0, 1}, new double[] {1, 2}, "linear")))
                .outputs(List.of("real_out"))
                .kpis(List.of("real_out_max"))
                .build()));

    RunRecord run = history.all().get(0);
    assertThat(run.modelName()).contains("AllTypes");
    assertThat(run.request())
        .hasValueSatisfying(
            request -> {
              assertThat(request.startTime()).hasValue(0.5);
              assertThat(request.stopTime()).hasValue(2);
              assertThat(request.step()).hasValue(0.25);
              assertThat(request.startValues())
                  .containsExactlyInAnyOrderEntriesOf(Map.of("real_param", 1.5, "bool_in", true));
              assertThat(request.inputSignals())
                  .containsExactly(
                      new RunRequest.Signal(
                          "real_in", List.of(0.0, 1.0), List.of(1.0, 2.0), "linear"));
              assertThat(request.outputs()).containsExactly("real_out");
              assertThat(request.kpis()).containsExactly("real_out_max");
              assertThat(request.fmuInterface()).isEmpty();
            });
  }

  @Test
  void aFailedRun_releasesTheWholeHold() {
    simulator.failNext(
        new SimulationFailedException(
            SimulationFailedException.Cause.CRASHED, "signal 11", List.of()));

    StepVerifier.create(service.simulate(command().build()))
        .expectError(SimulationFailedException.class)
        .verify();

    assertThat(ledger.balance(CALLER).block()).isEqualTo(100);
    assertThat(history.all())
        .singleElement()
        .satisfies(run -> assertThat(run.failureCause()).contains("CRASHED"));
    assertThat(slots.held(CALLER)).isZero();
  }

  @Test
  void theMonthlyGrantIsMadeOncePerPeriod() {
    report(service.simulate(command().build()));
    report(service.simulate(command().build()));

    assertThat(ledger.totalSince(CALLER, EntryKind.GRANT, Instant.EPOCH).block()).isEqualTo(100);
    clock.advance(Duration.ofDays(31));
    report(service.simulate(command().build()));
    assertThat(ledger.totalSince(CALLER, EntryKind.GRANT, Instant.EPOCH).block()).isEqualTo(200);
  }

  @Test
  void givenNoTimes_simulate_usesTheDefaultExperimentAndAllOutputs() {
    SimulationReport report = report(service.simulate(command().build()));

    SimulationPlan plan = simulator.jobs().get(0).plan();
    assertThat(plan.startTime()).isZero();
    assertThat(plan.stopTime()).isEqualTo(1);
    assertThat(plan.sampleCount()).isEqualTo(11);
    assertThat(plan.outputs())
        .extracting(ModelVariable::name)
        .containsExactly("real_out", "string_out");
    assertThat(plan.fmuInterface()).isEqualTo(FmuInterface.CO_SIMULATION);
    assertThat(report.result().time()).hasSize(11).endsWith(1.0);
    assertThat(report.provenance().solver()).isEmpty();
    assertThat(report.provenance().gatewayVersion()).isEqualTo("test-1");
  }

  @Test
  void kpis_areComputedFromTheResultAndTheirVariablesAddedToTheOutputs() {
    simulator.produce(t -> 3 * t);

    SimulationReport report =
        report(
            service.simulate(
                command()
                    .outputs(List.of("string_out"))
                    .kpis(List.of("real_out_max", "real_out_final"))
                    .build()));

    assertThat(report.kpis())
        .containsEntry("real_out_max", 3.0)
        .containsEntry("real_out_final", 3.0);
    assertThat(report.result().column("real_out")).isPresent();
  }

  @Test
  void modelExchange_recordsTheSolverInTheProvenance() {
    SimulationReport report =
        report(service.simulate(command().iface("me").solver("rk45").rtol(1e-7).build()));

    assertThat(report.provenance().fmuInterface()).isEqualTo(FmuInterface.MODEL_EXCHANGE);
    assertThat(report.provenance().solver())
        .hasValueSatisfying(
            s -> {
              assertThat(s.kind()).isEqualTo(SolverKind.DORMAND_PRINCE);
              assertThat(s.rtol()).isEqualTo(1e-7);
            });
  }

  @Test
  void startValuesOfEveryType_reachThePlanChecked() {
    report(
        service.simulate(
            command()
                .startValues(
                    Map.of("real_param", 1, "int_param", 7.0, "bool_in", true, "string_in", "hi"))
                .build()));

    assertThat(simulator.jobs().get(0).plan().startValues())
        .extracting(v -> v.variable().name() + "=" + v.value())
        .containsExactly("bool_in=true", "int_param=7", "real_param=1.0", "string_in=hi");
  }

  @Test
  void badRequests_areRejectedNamingTheField() {
    assertRejected(command().startTime(2.0).stopTime(1.0), "stopTime");
    assertRejected(command().step(0.0), "step");
    assertRejected(command().step(-1.0), "step");
    assertRejected(command().stopTime(1000.0).step(0.001), "step");
    assertRejected(command().startValues(Map.of("nope", 1)), "startValues.nope");
    assertRejected(command().startValues(Map.of("real_param", "two")), "startValues.real_param");
    assertRejected(command().startValues(Map.of("int_param", 1.5)), "startValues.int_param");
    assertRejected(command().startValues(Map.of("real_out", 1.0)), "startValues.real_out");
    assertRejected(command().outputs(List.of("nope")), "outputs");
    assertRejected(command().kpis(List.of("nope_max")), "kpis");
    assertRejected(command().kpis(List.of("real_out_median")), "kpis");
    assertRejected(command().iface("fmi3"), "interface");
    assertRejected(command().solver("magic"), "solver");
    assertRejected(command().rtol(0.0), "rtol");
    assertRejected(
        command()
            .inputSignals(
                List.of(new SignalSpec("real_param", new double[] {0}, new double[] {1}, "hold"))),
        "inputSignals[0].name");
    assertRejected(
        command()
            .inputSignals(
                List.of(
                    new SignalSpec("real_in", new double[] {0, 0}, new double[] {1, 2}, "hold"))),
        "inputSignals[0].time");
    assertRejected(
        command()
            .inputSignals(
                List.of(new SignalSpec("real_in", new double[] {0}, new double[] {1}, "cubic"))),
        "inputSignals[0].interpolation");
    assertThat(simulator.jobs()).isEmpty();
  }

  @Test
  void nonFiniteNumbers_areRejectedBeforeAnythingRuns() {
    assertThatThrownBy(() -> command().stopTime(Double.POSITIVE_INFINITY).build())
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("stopTime");
  }

  @Test
  void interfaceTheModelLacks_isRejected() {
    model = Models.csOnlyWithoutExperiment();

    assertRejected(command().iface("me"), "interface");
  }

  @Test
  void aCallerThatGoesAwayMidRun_getsTheHoldReleasedAndTheRunRecordedAsCancelled() {
    simulator.hangNext();

    StepVerifier.create(service.simulate(command().build()))
        .expectSubscription()
        .then(
            () -> {
              assertThat(ledger.balance(CALLER).block()).isEqualTo(100 - 30);
              assertThat(slots.held(CALLER)).isOne();
            })
        .thenCancel()
        .verify();

    assertThat(ledger.balance(CALLER).block()).isEqualTo(100);
    assertThat(slots.held(CALLER)).isZero();
    assertThat(history.all())
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.status()).isEqualTo(RunRecord.RunStatus.FAILED);
              assertThat(run.failureCause()).contains(SimulateService.CANCELLED);
              assertThat(run.costCredits()).isZero();
            });
  }

  @Test
  void aSampleCountBeyondWhatALongHolds_isRefusedNamingTheStepAndNothingRuns() {
    assertRejected(command().stopTime(1e20).step(1.0), "step");
    assertRejected(command().stopTime(1e300).step(1e-300), "step");
    assertThat(simulator.jobs()).isEmpty();
  }

  @Test
  void aKpiAskedForTwice_isComputedAndReportedOnce() {
    SimulationReport report =
        report(
            service.simulate(
                command().kpis(List.of("real_out_max", "real_out_max", "real_out_final")).build()));

    assertThat(report.kpis()).containsOnlyKeys("real_out_max", "real_out_final");
  }

  @Test
  void moreKpisOrOutputsThanARunMayHave_areRefusedNamingTheField() {
    List<String> kpis =
        java.util.stream.IntStream.rangeClosed(0, SimulationPlanner.MAX_KPIS)
            .mapToObj(i -> "v" + i + "_max")
            .toList();
    List<String> outputs =
        java.util.stream.IntStream.rangeClosed(0, SimulationPlanner.MAX_OUTPUTS)
            .mapToObj(i -> "v" + i)
            .toList();

    assertRejected(command().kpis(kpis), "kpis");
    assertRejected(command().outputs(outputs), "outputs");
    assertThat(simulator.jobs()).isEmpty();
  }

  @Test
  void simulatorFailure_reachesTheCallerWithTheFmuLog() {
    simulator.failNext(
        new SimulationFailedException(
            SimulationFailedException.Cause.MODEL_ERROR,
            "boom",
            List.of("logError: T must be > 0")));

    StepVerifier.create(service.simulate(command().build()))
        .expectErrorSatisfies(
            e ->
                assertThat(((SimulationFailedException) e).fmuLog())
                    .containsExactly("logError: T must be > 0"))
        .verify();
  }

  @Test
  void aStreamedRun_deliversTheSameSamplesKpisAndChargeAsABufferedOne() {
    simulator.produce(t -> Math.sin(7 * t) + (t > 0.5 ? Double.NaN : 0));
    SimulateCommand command =
        command()
            .stopTime(1)
            .step(0.01)
            .kpis(
                List.of(
                    "real_out_max",
                    "real_out_mean",
                    "real_out_rms",
                    "real_out_min",
                    "real_out_peak"))
            .build();
    SimulationReport buffered = report(service.simulate(command));

    List<StreamedRun> parts = service.stream(command, ResultLayout.ROWS).collectList().block();

    assertThat(parts.get(0)).isInstanceOf(StreamedRun.Started.class);
    ResultAssembler whole = new ResultAssembler();
    parts.stream()
        .filter(StreamedRun.Samples.class::isInstance)
        .forEach(part -> whole.add(((StreamedRun.Samples) part).chunk()));
    SimulationReport streamed = ((StreamedRun.Finished) parts.get(parts.size() - 1)).report();
    assertThat(
            whole
                .finish(
                    new ResultPart.End(0, 0, Duration.ZERO, List.of(), Map.of(), Optional.empty()))
                .columns())
        .isEqualTo(buffered.result().columns());
    assertThat(streamed.kpis()).isEqualTo(buffered.kpis());
    assertThat(streamed.costCredits()).isEqualTo(buffered.costCredits());
    assertThat(ledger.balance(CALLER).block()).isEqualTo(100 - 2 * buffered.costCredits());
  }

  @Test
  void aStreamedRunThatFailsAfterItsSamples_endsInErrorWithoutFinishing_andIsNotCharged() {
    simulator.failNextAfterSamples(
        new SimulationFailedException(
            SimulationFailedException.Cause.CRASHED, "signal 11", List.of()));

    StepVerifier.create(service.stream(command().build(), ResultLayout.COLUMNS))
        .expectNextMatches(StreamedRun.Started.class::isInstance)
        .thenConsumeWhile(StreamedRun.Samples.class::isInstance)
        .expectError(SimulationFailedException.class)
        .verify();

    assertThat(ledger.balance(CALLER).block()).isEqualTo(100);
    assertThat(transactions.units).containsExactly(new Unit(30, 1));
    assertThat(history.all())
        .singleElement()
        .satisfies(run -> assertThat(run.status()).isEqualTo(RunRecord.RunStatus.FAILED));
  }

  @Test
  void aStreamedRunWhoseCallerGoesAway_releasesTheHoldAndIsRecordedCancelled() {
    StepVerifier.create(service.stream(command().build(), ResultLayout.ROWS), 2)
        .expectNextMatches(StreamedRun.Started.class::isInstance)
        .expectNextMatches(StreamedRun.Samples.class::isInstance)
        .thenCancel()
        .verify();

    assertThat(ledger.balance(CALLER).block()).isEqualTo(100);
    assertThat(history.all())
        .singleElement()
        .satisfies(run -> assertThat(run.failureCause()).contains(SimulateService.CANCELLED));
    assertThat(slots.held(CALLER)).isZero();
  }

  @Test
  void aStreamedRunShortOfCredit_isPaymentRequiredAloneAndNothingRuns() {
    ledger
        .credit(
            CALLER,
            EntryKind.GRANT,
            100,
            LedgerKey.grant(YearMonth.from(clock.now().atOffset(ZoneOffset.UTC))),
            "test")
        .block();
    ledger.hold(CALLER, 80, "someone-else").block();

    StepVerifier.create(service.stream(command().build(), ResultLayout.COLUMNS))
        .expectNextMatches(StreamedRun.PaymentRequired.class::isInstance)
        .verifyComplete();

    assertThat(simulator.jobs()).isEmpty();
    assertThat(slots.held(CALLER)).isZero();
  }

  private void assertRejected(CommandBuilder builder, String field) {
    StepVerifier.create(Mono.defer(() -> service.simulate(builder.build())))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(x -> ((InvalidInputException) x).field())
                    .isEqualTo(field))
        .verify();
  }

  private static ResolvedFmu resolved(ModelDescription description) {
    return new ResolvedFmu(
        new FmuArtifact(ID, new Sha256("a".repeat(64)), Path.of("/x.fmu"), description, true),
        new InspectedFmu(description, List.of("linux64")),
        Optional.empty());
  }

  private static CommandBuilder command() {
    return new CommandBuilder();
  }

  /** Builds commands the way the HTTP adapter does, one optional field at a time. */
  private static final class CommandBuilder {
    private OptionalDouble start = OptionalDouble.empty();
    private OptionalDouble stop = OptionalDouble.empty();
    private OptionalDouble step = OptionalDouble.empty();
    private OptionalDouble rtol = OptionalDouble.empty();
    private Map<String, Object> startValues = Map.of();
    private List<SignalSpec> signals = List.of();
    private List<String> outputs = List.of();
    private List<String> kpis = List.of();
    private Optional<String> iface = Optional.empty();
    private Optional<String> solver = Optional.empty();

    CommandBuilder startTime(double v) {
      start = OptionalDouble.of(v);
      return this;
    }

    CommandBuilder stopTime(double v) {
      stop = OptionalDouble.of(v);
      return this;
    }

    CommandBuilder step(double v) {
      step = OptionalDouble.of(v);
      return this;
    }

    CommandBuilder rtol(double v) {
      rtol = OptionalDouble.of(v);
      return this;
    }

    CommandBuilder startValues(Map<String, Object> v) {
      startValues = v;
      return this;
    }

    CommandBuilder inputSignals(List<SignalSpec> v) {
      signals = v;
      return this;
    }

    CommandBuilder outputs(List<String> v) {
      outputs = v;
      return this;
    }

    CommandBuilder kpis(List<String> v) {
      kpis = v;
      return this;
    }

    CommandBuilder iface(String v) {
      iface = Optional.of(v);
      return this;
    }

    CommandBuilder solver(String v) {
      solver = Optional.of(v);
      return this;
    }

    SimulateCommand build() {
      return new SimulateCommand(
          CALLER,
          Tier.FREE,
          ID,
          start,
          stop,
          step,
          startValues,
          signals,
          outputs,
          kpis,
          iface,
          solver,
          rtol,
          OptionalDouble.empty(),
          PaymentChoice.CREDITS,
          Map.of());
    }
  }

  /** The report of a run that completed (fails the test if it asked for payment instead). */
  static SimulationReport report(Mono<SimulationOutcome> outcome) {
    SimulationOutcome done = outcome.block();
    assertThat(done).isInstanceOf(SimulationOutcome.Completed.class);
    return ((SimulationOutcome.Completed) done).report();
  }

  private CheckoutService noProviders() {
    return new CheckoutService(
        List.of(),
        new InMemoryPaymentSessions(),
        new InMemoryPaymentTokens(),
        new com.fmugateway.domain.checkout.model.PaymentTokenMint(new ApiKeyHasher(new byte[32])),
        PaymentWorld.standardTerms(),
        new InMemoryAuditLog(),
        clock);
  }
}
