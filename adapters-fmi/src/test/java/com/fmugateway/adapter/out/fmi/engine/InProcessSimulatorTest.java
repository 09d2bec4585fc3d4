package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class InProcessSimulatorTest {

  private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(30);

  private final InProcessSimulator simulator = new InProcessSimulator(new SimulationEngine(), 1, 1);

  @AfterEach
  void stopThreads() {
    simulator.close();
  }

  @Test
  void aRunCompletesWithTheEnginesResultOnASimulationThread() {
    SimulationJob job =
        job(Plans.forModel("FirstOrderLag").until(1, 0.1).start("y0", 1.0).outputs("y"));

    StepVerifier.create(
            simulator
                .simulate(job)
                .map(result -> Thread.currentThread().getName() + " " + result.time().length))
        .assertNext(
            threadAndSamples -> assertThat(threadAndSamples).matches("fmu-simulation-\\d+ 11"))
        .expectComplete()
        .verify(VERIFY_TIMEOUT);
  }

  @Test
  void aRunLongerThanItsTimeoutFailsWithTimeout() {
    SimulationJob job = job(endlessVanDerPol(Duration.ofMillis(100)));

    StepVerifier.create(simulator.simulate(job))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        SimulationFailedException.class,
                        failure -> assertThat(failure.failureCause()).isEqualTo(Cause.TIMEOUT))
                    .hasMessage("simulation exceeded its 0.1 s limit"))
        .verify(VERIFY_TIMEOUT);
  }

  @Test
  void anUnexpectedEngineFailureIsReportedAsCrashedWithItsReason() {
    SimulationJob job = job(Plans.forModel("FirstOrderLag").start("T", "one second").outputs("y"));

    StepVerifier.create(simulator.simulate(job))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        SimulationFailedException.class,
                        failure -> assertThat(failure.failureCause()).isEqualTo(Cause.CRASHED))
                    .hasMessageContaining("T is REAL but its value is a String"))
        .verify(VERIFY_TIMEOUT);
  }

  @Test
  void runsBeyondTheThreadAndQueueCapsAreRefusedAsOverloaded() {
    // One thread and one queue slot: of three simultaneous runs at least one cannot be taken.
    Flux<Cause> causes =
        Flux.merge(
            IntStream.range(0, 3)
                .mapToObj(i -> simulator.simulate(job(endlessVanDerPol(Duration.ofSeconds(2)))))
                .map(run -> run.then(Mono.<Cause>empty()).onErrorResume(e -> Mono.just(cause(e))))
                .toList());

    StepVerifier.create(causes.filter(cause -> cause == Cause.OVERLOADED).next())
        .expectNext(Cause.OVERLOADED)
        .expectComplete()
        .verify(VERIFY_TIMEOUT);
  }

  private static Plans endlessVanDerPol(Duration timeout) {
    return Plans.forModel("VanDerPol")
        .on(FmuInterface.MODEL_EXCHANGE)
        .fixedStep(SolverKind.EULER, 1e-7)
        .until(1e6, 1e5)
        .timeout(timeout)
        .outputs("x0");
  }

  private static Cause cause(Throwable error) {
    return ((SimulationFailedException) error).failureCause();
  }

  private static SimulationJob job(Plans plans) {
    String model = plans.description().modelName();
    FmuArtifact artifact =
        new FmuArtifact(
            FmuId.library(model),
            new Sha256("0".repeat(64)),
            LibraryFmus.archive(model),
            plans.description(),
            true);
    return new SimulationJob(AccountId.random(), artifact, plans.build());
  }
}
