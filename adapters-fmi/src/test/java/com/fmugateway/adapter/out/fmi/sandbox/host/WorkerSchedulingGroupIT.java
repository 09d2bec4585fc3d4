package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.adapter.out.fmi.sandbox.pool.WorkerSnapshot;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Workers that start together: the kernel takes one change of an autogroup's nice value per 100 ms
 * from unprivileged processes, and answers the others "try again". None may fail for that.
 */
class WorkerSchedulingGroupIT {

  private static final int WORKERS = 4;

  @TempDir Path workDir;

  @Test
  void workersStartingAtOnce_allRun_andAllEndUpInANicedGroupOfTheirOwn() {
    assumeThat(Workers.autogroup(ProcessHandle.current().pid()))
        .as("a kernel that groups processes by session")
        .isNotEmpty();
    FmuArtifact upload = Jobs.upload("BouncingBall");

    try (SandboxedSimulator simulator =
        new SandboxedSimulator(Settings.in(workDir).workers(WORKERS, WORKERS).spares(0).build())) {
      // One account each: a worker each, all started at the same moment.
      List<SimulationResult> results =
          Flux.fromStream(IntStream.range(0, WORKERS).boxed())
              .flatMap(
                  i ->
                      simulator
                          .simulate(
                              Jobs.job(
                                  AccountId.random(),
                                  upload,
                                  Jobs.bouncingBall(FmuInterface.CO_SIMULATION)))
                          .subscribeOn(Schedulers.boundedElastic()),
                  WORKERS)
              .collectList()
              .block(Workers.WAIT);

      assertThat(results).hasSize(WORKERS);
      List<WorkerSnapshot> workers = simulator.workers();
      assertThat(workers).hasSize(WORKERS);
      for (WorkerSnapshot worker : workers) {
        long jvm = Workers.jvmPid(worker);
        await()
            .atMost(Workers.WAIT)
            .untilAsserted(() -> assertThat(Workers.autogroup(jvm)).endsWith(" nice 19"));
      }
    }
  }
}
