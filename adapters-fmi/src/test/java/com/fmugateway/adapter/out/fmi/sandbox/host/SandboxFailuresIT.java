package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerSnapshot;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.StartValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

class SandboxFailuresIT {

  @TempDir Path workDir;

  private final List<SandboxFailure> failures = new CopyOnWriteArrayList<>();
  private SandboxedSimulator simulator;

  @AfterEach
  void close() {
    simulator.close();
  }

  @Test
  void aRunPastItsTimeout_failsWithTimeoutAndItsWorkerTreeExits() throws Exception {
    simulator = new SandboxedSimulator(Settings.in(workDir).build(), failures::add);
    CompletableFuture<SimulationResult> run = start(endless(Duration.ofMillis(500)));
    List<ProcessHandle> tree = Workers.tree(Workers.awaitBusy(simulator));

    SimulationFailedException failure = failureOf(run);

    assertThat(failure.failureCause()).isEqualTo(Cause.TIMEOUT);
    assertThat(failure).hasMessage("simulation exceeded its 0.5 s limit");
    assertThat(tree).hasSizeGreaterThanOrEqualTo(2);
    assertThat(Workers.allExit(tree)).isTrue();
    assertThat(failures).singleElement().extracting(SandboxFailure::cause).isEqualTo(Cause.TIMEOUT);
  }

  @Test
  void aWorkerStuckInsideACall_isKilledAtItsTimeout() throws Exception {
    simulator = new SandboxedSimulator(Settings.in(workDir).build(), failures::add);
    CompletableFuture<SimulationResult> run = start(endless(Duration.ofMillis(500)));
    WorkerSnapshot worker = Workers.awaitBusy(simulator);
    List<ProcessHandle> tree = Workers.tree(worker);
    // A stopped JVM cannot check its own clock, just like one stuck in an FMU's native code.
    signal("STOP", Workers.jvmPid(worker));

    SimulationFailedException failure = failureOf(run);

    assertThat(failure.failureCause()).isEqualTo(Cause.TIMEOUT);
    assertThat(failure).hasMessage("simulation exceeded its 0.5 s limit");
    assertThat(Workers.allExit(tree)).isTrue();
    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.cause()).isEqualTo(Cause.TIMEOUT);
              assertThat(f.exitSignal()).isEqualTo(OptionalInt.of(9));
            });
  }

  @Test
  void aWorkerCrashingMidRun_failsAsCrashedWithTheSignalAndTheNextRunWorks() throws Exception {
    simulator = new SandboxedSimulator(Settings.in(workDir).build(), failures::add);
    CompletableFuture<SimulationResult> run = start(endless(Duration.ofSeconds(60)));
    WorkerSnapshot worker = Workers.awaitBusy(simulator);
    List<ProcessHandle> tree = Workers.tree(worker);
    // The JVM reports a SIGSEGV from kill(1) exactly as one from an FMU's native code.
    signal("SEGV", Workers.jvmPid(worker));

    SimulationFailedException failure = failureOf(run);

    assertThat(failure.failureCause()).isEqualTo(Cause.CRASHED);
    assertThat(failure).hasMessage("simulation crashed (signal 11)");
    assertThat(Workers.allExit(tree)).isTrue();
    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.exitSignal()).isEqualTo(OptionalInt.of(11));
              assertThat(f.builtIn()).isTrue();
              assertThat(f.fmuSha256()).isEqualTo(Jobs.builtIn("VanDerPol").sha256());
            });
    assertThat(simulator.simulate(bouncingBall()).block(Workers.WAIT).time()).hasSize(301);
  }

  @Test
  void aCancelledRun_killsItsWorkerWithoutReportingAFailure() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build(), failures::add);
    Disposable run = simulator.simulate(endless(Duration.ofSeconds(60))).subscribe();
    List<ProcessHandle> tree = Workers.tree(Workers.awaitBusy(simulator));

    run.dispose();

    assertThat(Workers.allExit(tree)).isTrue();
    await().atMost(Workers.WAIT).until(() -> simulator.workers().isEmpty());
    assertThat(failures).isEmpty();
  }

  @Test
  void aResultLargerThanMaxResultBytes_failsWithResourceLimitAndDiscardsTheWorker() {
    simulator =
        new SandboxedSimulator(Settings.in(workDir).maxResultBytes(1024).build(), failures::add);

    SimulationFailedException failure = failureOf(start(bouncingBall()));

    assertThat(failure.failureCause()).isEqualTo(Cause.RESOURCE_LIMIT);
    assertThat(failure).hasMessage("simulation result exceeds the 1 KiB limit");
    await().atMost(Workers.WAIT).until(() -> simulator.workers().isEmpty());
  }

  @Test
  void givenAFullQueue_aFurtherRunFailsFastAsOverloaded() {
    simulator = new SandboxedSimulator(Settings.in(workDir).workers(1, 1).build(), failures::add);
    CompletableFuture<SimulationResult> running = start(endless(Duration.ofSeconds(60)));
    Workers.awaitBusy(simulator);
    CompletableFuture<SimulationResult> queued = start(endless(Duration.ofSeconds(60)));
    await().atMost(Workers.WAIT).until(() -> simulator.status().queuedRuns() == 1);

    SimulationFailedException failure = failureOf(start(bouncingBall()));

    assertThat(failure.failureCause()).isEqualTo(Cause.OVERLOADED);
    assertThat(failure).hasMessage("all simulation workers are busy; retry shortly");
    assertThat(simulator.status())
        .extracting(
            SandboxStatus::bubblewrap,
            SandboxStatus::slots,
            SandboxStatus::liveWorkers,
            SandboxStatus::busyWorkers,
            SandboxStatus::spareWorkers,
            SandboxStatus::queuedRuns)
        .containsExactly(true, 1, 1, 1, 0, 1);
    assertThat(running).isNotDone();
    assertThat(queued).isNotDone();
  }

  @Test
  void aModelError_keepsTheEnginesMessageAndTheFmusLog_andTheWorkerIsReplaced() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build(), failures::add);
    SimulationJob job = firstOrderLag(new StartValue(lag().variable("T").orElseThrow(), -1.0));

    SimulationFailedException failure = failureOf(start(job));

    assertThat(failure.failureCause()).isEqualTo(Cause.MODEL_ERROR);
    assertThat(failure)
        .hasMessage("the FMU reported an error in fmi2ExitInitializationMode at t=0");
    assertThat(failure.fmuLog()).containsExactly("[Error] logError: T must be positive, got -1");
    assertThat(failures)
        .singleElement()
        .extracting(SandboxFailure::cause)
        .isEqualTo(Cause.MODEL_ERROR);
    await().atMost(Workers.WAIT).until(() -> simulator.workers().isEmpty());
  }

  @Test
  void anUnexpectedFailureInsideTheWorker_isReportedAsCrashedWithItsReason() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build(), failures::add);
    SimulationJob job =
        firstOrderLag(new StartValue(lag().variable("T").orElseThrow(), "one second"));

    SimulationFailedException failure = failureOf(start(job));

    assertThat(failure.failureCause()).isEqualTo(Cause.CRASHED);
    assertThat(failure).hasMessageContaining("T is REAL but its value is a String");
  }

  private static ModelDescription lag() {
    return Jobs.description("FirstOrderLag");
  }

  private static SimulationJob firstOrderLag(StartValue start) {
    SimulationPlan plan =
        new SimulationPlan(
            FmuInterface.CO_SIMULATION,
            0,
            1,
            0.1,
            List.of(start),
            List.of(),
            List.of(lag().variable("y").orElseThrow()),
            Solver.defaults(),
            Duration.ofSeconds(30),
            Map.of());
    return Jobs.job(AccountId.random(), Jobs.upload("FirstOrderLag"), plan);
  }

  private SimulationJob endless(Duration timeout) {
    return Jobs.job(AccountId.random(), Jobs.builtIn("VanDerPol"), Jobs.endlessVanDerPol(timeout));
  }

  private static SimulationJob bouncingBall() {
    FmuArtifact fmu = Jobs.builtIn("BouncingBall");
    return Jobs.job(AccountId.random(), fmu, Jobs.bouncingBall(FmuInterface.CO_SIMULATION));
  }

  private CompletableFuture<SimulationResult> start(SimulationJob job) {
    return simulator.simulate(job).toFuture();
  }

  private static SimulationFailedException failureOf(CompletableFuture<SimulationResult> run) {
    try {
      SimulationResult result = run.get(Workers.WAIT.toSeconds(), TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + result.time().length + " samples");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(SimulationFailedException.class);
      return (SimulationFailedException) e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void signal(String name, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
  }
}
