package com.fmugateway.domain.experiment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.experiment.model.CaseShares;
import com.fmugateway.domain.experiment.model.ExperimentLimits;
import com.fmugateway.domain.experiment.model.ExperimentOutcome;
import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.experiment.port.in.StartExperimentCommand;
import com.fmugateway.domain.fixtures.InMemoryCallbackQueue;
import com.fmugateway.domain.fixtures.InMemoryCaseQueue;
import com.fmugateway.domain.fixtures.InMemoryCaseResults;
import com.fmugateway.domain.fixtures.InMemoryExperimentStore;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.InspectedFmu;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import com.fmugateway.domain.simulation.service.SimulationExecutionService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A scheduled execution experiment (and so an async run, a one-case experiment): the clock ticks
 * are checked as a synchronous run's are, before anything is held, kept with the experiment and
 * given to every case.
 */
class ExperimentClockTicksTest {

  private static final FmuId CLOCKS = FmuId.library("Clocks");
  private static final ModelDescription MODEL = Models.clocks();

  private final PaymentWorld world = new PaymentWorld(100);
  private final InMemoryExperimentStore store = new InMemoryExperimentStore();
  private final InMemoryCaseQueue queue = new InMemoryCaseQueue();
  private final SimulationExecutionService simulation =
      new SimulationExecutionService(
          (caller, id) -> Mono.just(clocks()),
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
  private final RunCaseService worker =
      new RunCaseService(
          store,
          new InMemoryCaseResults(),
          simulation,
          world.billing,
          world.clock,
          "node-1",
          Duration.ofMillis(5),
          new InMemoryCallbackQueue(),
          world.accounts::findById,
          CaseShares.uniform(100, Duration.ofSeconds(1)));
  private final AccountId caller = world.newAccount();

  @Test
  void givenClockTicks_everyCaseRunsWithThem_andTheExperimentKeepsThem() {
    Map<String, List<Double>> ticks = Map.of("trigger", List.of(0.3, 1.0, 2.25));

    ExperimentOutcome outcome = start.start(command(ticks, sweep(3))).block();

    assertThat(outcome).isInstanceOf(ExperimentOutcome.Accepted.class);
    var experiment = ((ExperimentOutcome.Accepted) outcome).experiment().experiment();
    assertThat(experiment.request().clockTicks()).isEqualTo(ticks);
    queue.take(100).forEach(id -> worker.run(id).block());
    assertThat(world.simulator.jobs())
        .hasSize(3)
        .allSatisfy(job -> assertThat(job.plan().clockTicks()).isEqualTo(ticks));
  }

  @Test
  void aTickForNoTriggeredInputClock_isRefusedNamingIt_andNothingIsHeld() {
    assertField(Map.of("nope", List.of(1.0)), "clockTicks.nope");
    assertField(Map.of("tick", List.of(1.0)), "clockTicks.tick");
    assertField(Map.of("trigger", List.of(2.0, 1.0)), "clockTicks.trigger[1]");
    assertField(Map.of("trigger", List.of(9.0)), "clockTicks.trigger[0]");
    assertThat(world.ledger.entries(caller, Set.of(EntryKind.HOLD), 10).collectList().block())
        .isEmpty();
    assertThat(queue.take(100)).isEmpty();
  }

  @Test
  void aTimeThatIsNoNumber_isRefusedByTheCommandItself() {
    assertThatThrownBy(() -> command(Map.of("trigger", List.of(Double.NaN)), sweep(1)))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("clockTicks.trigger[0]");
  }

  private void assertField(Map<String, List<Double>> ticks, String field) {
    assertThatThrownBy(() -> start.start(command(ticks, sweep(2))).block())
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo(field);
  }

  private static ResolvedFmu clocks() {
    return new ResolvedFmu(
        new FmuArtifact(CLOCKS, new Sha256("c".repeat(64)), Path.of("/c.fmu"), MODEL, true),
        new InspectedFmu(MODEL, List.of("linux64")),
        Optional.empty());
  }

  /** Cases that differ in nothing the model reads: the sweep is over the schedule's repeats. */
  private static Sweep sweep(int cases) {
    return new Sweep(
        SweepMethod.CASES,
        Map.of(),
        OptionalInt.empty(),
        0,
        java.util.Collections.nCopies(cases, Map.<String, Object>of()));
  }

  private StartExperimentCommand command(Map<String, List<Double>> ticks, Sweep sweep) {
    SimulateCommand base =
        new SimulateCommand(
            caller,
            Tier.FREE,
            CLOCKS,
            OptionalDouble.empty(),
            OptionalDouble.of(5),
            OptionalDouble.empty(),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.of("se"),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            PaymentChoice.CREDITS,
            ticks);
    return new StartExperimentCommand(base, sweep, Optional.empty());
  }
}
