package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerSnapshot;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxedSimulatorIT {

  @TempDir Path workDir;

  private SandboxedSimulator simulator;

  @AfterEach
  void close() {
    simulator.close();
  }

  @Test
  void bouncingBallThroughTheSandbox_equalsTheInProcessEngine() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
    FmuArtifact fmu = Jobs.builtIn("BouncingBall");
    for (FmuInterface fmuInterface :
        List.of(FmuInterface.CO_SIMULATION, FmuInterface.MODEL_EXCHANGE)) {
      SimulationPlan plan = Jobs.bouncingBall(fmuInterface);
      SimulationResult expected = InProcess.run(fmu.archive(), fmu.description(), plan);

      SimulationResult actual = run(Jobs.job(AccountId.random(), fmu, plan));

      assertThat(actual).isEqualTo(expected);
      assertThat(actual.fmuLog()).isEqualTo(expected.fmuLog());
    }
    assertThat(simulator.status().bubblewrap()).isTrue();
  }

  @Test
  void givenASpareReady_anUploadsFirstRunTakesIt_andGetsTheUploadsOwnResult() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
    await().atMost(Workers.WAIT).until(() -> simulator.status().spareWorkers() == 1);
    FmuArtifact upload = Jobs.upload("BouncingBall");
    SimulationPlan plan = Jobs.bouncingBall(FmuInterface.MODEL_EXCHANGE);

    SimulationResult result = run(Jobs.job(AccountId.random(), upload, plan));

    assertThat(result).isEqualTo(InProcess.run(upload.archive(), upload.description(), plan));
    WorkerSnapshot worker = Workers.only(simulator);
    assertThat(worker.preStarted()).isTrue();
    assertThat(worker.runs()).isEqualTo(1);
    assertThat(simulator.status().spareClaims()).isEqualTo(1);
    assertThat(simulator.status().coldStarts()).isZero();
  }

  @Test
  void givenTwoAccountsRunningTheSameUpload_eachGetsAWorkerOfItsOwn() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
    FmuArtifact upload = Jobs.upload("BouncingBall");
    AccountId alice = AccountId.random();
    AccountId bob = AccountId.random();

    run(Jobs.job(alice, upload, Jobs.bouncingBall(FmuInterface.CO_SIMULATION)));
    long alicesWorker = Workers.only(simulator).process().pid();
    run(Jobs.job(bob, upload, Jobs.bouncingBall(FmuInterface.CO_SIMULATION)));
    run(Jobs.job(alice, upload, Jobs.bouncingBall(FmuInterface.CO_SIMULATION)));

    List<WorkerSnapshot> workers = simulator.workers();
    assertThat(workers).hasSize(2);
    assertThat(workers)
        .extracting(w -> w.key().account().orElseThrow())
        .containsExactlyInAnyOrder(alice, bob);
    WorkerSnapshot alices =
        workers.stream()
            .filter(w -> w.key().account().orElseThrow().equals(alice))
            .findFirst()
            .orElseThrow();
    assertThat(alices.process().pid()).isEqualTo(alicesWorker);
    assertThat(alices.runs()).isEqualTo(2);
  }

  @Test
  void givenTwoGatewaysOnOneDataFolder_eachStartsItsWorkersWithoutTreadingOnTheOther() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
    try (SandboxedSimulator second = new SandboxedSimulator(Settings.in(workDir).build())) {
      SimulationJob job =
          Jobs.job(
              AccountId.random(),
              Jobs.builtIn("BouncingBall"),
              Jobs.bouncingBall(FmuInterface.CO_SIMULATION));

      run(job);
      SimulationResult fromTheSecond = second.simulate(job).block(Workers.WAIT);

      assertThat(fromTheSecond).isEqualTo(run(job));
    }
  }

  @Test
  void givenABuiltInModel_accountsShareOneWorker() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
    FmuArtifact builtIn = Jobs.builtIn("BouncingBall");

    run(Jobs.job(AccountId.random(), builtIn, Jobs.bouncingBall(FmuInterface.CO_SIMULATION)));
    run(Jobs.job(AccountId.random(), builtIn, Jobs.bouncingBall(FmuInterface.MODEL_EXCHANGE)));

    WorkerSnapshot worker = Workers.only(simulator);
    assertThat(worker.key().account()).isEmpty();
    assertThat(worker.runs()).isEqualTo(2);
  }

  @Test
  void givenEverySlotTaken_anIdleWorkerOfAnotherKeyIsStoppedToMakeRoom() {
    simulator = new SandboxedSimulator(Settings.in(workDir).workers(1, 4).build());
    FmuArtifact upload = Jobs.upload("BouncingBall");
    AccountId bob = AccountId.random();

    run(Jobs.job(AccountId.random(), upload, Jobs.bouncingBall(FmuInterface.CO_SIMULATION)));
    List<ProcessHandle> alices = Workers.tree(Workers.only(simulator));
    run(Jobs.job(bob, upload, Jobs.bouncingBall(FmuInterface.CO_SIMULATION)));

    assertThat(Workers.allExit(alices)).isTrue();
    assertThat(Workers.only(simulator).key().account()).contains(bob);
  }

  @Test
  void afterMaxRunsPerWorker_theWorkerIsReplacedAndItsProcessesExit() {
    simulator = new SandboxedSimulator(Settings.in(workDir).runsPerWorker(2).build());
    SimulationJob job =
        Jobs.job(
            AccountId.random(),
            Jobs.builtIn("BouncingBall"),
            Jobs.bouncingBall(FmuInterface.CO_SIMULATION));

    run(job);
    WorkerSnapshot first = Workers.only(simulator);
    List<ProcessHandle> firstTree = Workers.tree(first);
    run(job);
    run(job);

    assertThat(Workers.allExit(firstTree)).isTrue();
    WorkerSnapshot second = Workers.only(simulator);
    assertThat(second.process().pid()).isNotEqualTo(first.process().pid());
    assertThat(second.runs()).isEqualTo(1);
  }

  @Test
  void aWorkerIdleLongerThanTheIdleTimeout_isStopped() {
    simulator =
        new SandboxedSimulator(Settings.in(workDir).idleTimeout(Duration.ofMillis(200)).build());

    run(
        Jobs.job(
            AccountId.random(),
            Jobs.builtIn("BouncingBall"),
            Jobs.bouncingBall(FmuInterface.CO_SIMULATION)));
    List<ProcessHandle> tree = Workers.tree(Workers.only(simulator));

    assertThat(Workers.allExit(tree)).isTrue();
  }

  @Test
  void closedWhileASpareStarts_leavesNoWorkerProcessAndNoWorkerFolderBehind() throws IOException {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
    await()
        .atMost(Workers.WAIT)
        .pollInterval(Duration.ofMillis(5))
        .until(() -> simulator.status().liveWorkers() == 1);
    assertThat(simulator.status().spareWorkers()).as("the spare is still starting").isZero();

    simulator.close();

    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    try (Stream<Path> left = Files.walk(workDir.resolve("workers")).skip(1)) {
      // This process's own folder of worker folders, and nothing in it.
      assertThat(left).singleElement().satisfies(p -> assertThat(p).isDirectory());
    }
  }

  private SimulationResult run(SimulationJob job) {
    return simulator.simulate(job).block(Workers.WAIT);
  }
}
