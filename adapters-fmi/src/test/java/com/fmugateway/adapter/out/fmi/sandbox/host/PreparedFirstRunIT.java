package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerSnapshot;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new upload prepared ahead of its first run: a ready spare is claimed for the owner's key and
 * makes a short run of it, so the first real run finds an idle worker with the FMU loaded. Never at
 * a run's expense: no worker is started for it, and a failure in it is nobody's but the FMU's.
 */
class PreparedFirstRunIT {

  @TempDir Path workDir;

  private final List<SandboxFailure> failures = new CopyOnWriteArrayList<>();
  private SandboxedSimulator simulator;

  @AfterEach
  void close() {
    simulator.close();
  }

  @Test
  void aPreparedUpload_isRunByThePreparedWorker_withoutClaimingOrStartingAnother() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build(), failures::add);
    await().atMost(Workers.WAIT).until(() -> simulator.status().spareWorkers() == 1);
    FmuArtifact upload = Jobs.upload("BouncingBall");
    AccountId owner = AccountId.random();

    simulator.prepare(owner, upload).block(Workers.WAIT);

    WorkerSnapshot prepared = Workers.only(simulator);
    assertThat(prepared.key().account()).contains(owner);
    assertThat(prepared.busy()).isFalse();
    assertThat(prepared.runs()).isZero();
    assertThat(simulator.status().prepared()).isEqualTo(1);
    SimulationPlan plan = Jobs.bouncingBall(FmuInterface.CO_SIMULATION);

    SimulationResult result = simulator.simulate(Jobs.job(owner, upload, plan)).block(Workers.WAIT);

    assertThat(result).isEqualTo(InProcess.run(upload.archive(), upload.description(), plan));
    WorkerSnapshot after = Workers.only(simulator);
    assertThat(after.process().pid()).isEqualTo(prepared.process().pid());
    assertThat(after.runs()).isEqualTo(1);
    assertThat(simulator.status().spareClaims()).isZero();
    assertThat(simulator.status().coldStarts()).isZero();
    assertThat(failures).isEmpty();
  }

  @Test
  void withoutASpareReady_nothingIsPreparedAndNoWorkerStarts() {
    simulator = new SandboxedSimulator(Settings.in(workDir).spares(0).build(), failures::add);

    simulator.prepare(AccountId.random(), Jobs.upload("BouncingBall")).block(Workers.WAIT);

    assertThat(simulator.status().prepared()).isZero();
    assertThat(simulator.status().liveWorkers()).isZero();
  }

  @Test
  void anUploadThatCrashesItsPreparation_isNotReported_andItsFirstRealRunFailsAsBefore() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build(), failures::add);
    await().atMost(Workers.WAIT).until(() -> simulator.status().spareWorkers() == 1);
    HostileJob segfault = HostileJob.of("Segfault");
    AccountId owner = AccountId.random();

    simulator.prepare(owner, segfault.fmu()).block(Workers.WAIT);

    assertThat(simulator.status().prepared()).isEqualTo(1);
    assertThat(simulator.workers()).isEmpty();
    assertThat(failures).isEmpty();
    assertThatThrownBy(
            () ->
                simulator
                    .simulate(new SimulationJob(owner, segfault.fmu(), segfault.plan()))
                    .block(Workers.WAIT))
        .isInstanceOfSatisfying(
            SimulationFailedException.class,
            e -> assertThat(e.failureCause()).isEqualTo(Cause.CRASHED));
    assertThat(failures).hasSize(1);
  }
}
