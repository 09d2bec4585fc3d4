package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs share nothing: not their files, not their FMU state, not their logs. */
class RunIsolationTest {

  private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

  @Test
  void concurrentFailingRunsEachGetOnlyTheirOwnFmuLog() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<SimulationFailedException>> failures = new ArrayList<>();
      for (int k = 1; k <= 16; k++) {
        Plans plans =
            Plans.forModel("FirstOrderLag")
                .on(interfaceFor(k))
                .start("T", (double) -k)
                .outputs("y");
        failures.add(
            pool.submit(
                () ->
                    catchThrowableOfType(SimulationFailedException.class, () -> Runs.run(plans))));
      }

      for (int k = 1; k <= 16; k++) {
        assertThat(failures.get(k - 1).get().fmuLog())
            .containsExactly("[Error] logError: T must be positive, got -" + k);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSuccessfulRunsCopyServesTheNextRunAndAFailedRunsCopyIsDeleted() throws IOException {
    SimulationEngine engine = new SimulationEngine();
    List<Path> before = unpackedFolders();

    run(engine, Plans.forModel("BouncingBall").on(FmuInterface.MODEL_EXCHANGE).outputs("h"));
    List<Path> kept = newFolders(before);
    run(engine, Plans.forModel("BouncingBall").on(FmuInterface.CO_SIMULATION).outputs("h"));
    List<Path> afterSecondRun = newFolders(before);
    catchThrowableOfType(
        SimulationFailedException.class,
        () -> run(engine, Plans.forModel("BouncingBall").start("e", 2.0).outputs("h")));
    List<Path> afterFailure = newFolders(before);
    run(engine, Plans.forModel("BouncingBall").outputs("h"));
    List<Path> reloaded = newFolders(before);
    engine.unloadIdleCopies();

    assertThat(kept).hasSize(1);
    assertThat(afterSecondRun).isEqualTo(kept);
    assertThat(afterFailure).isEmpty();
    assertThat(reloaded).hasSize(1).doesNotContainAnyElementsOf(kept);
    assertThat(unpackedFolders()).isEqualTo(before);
  }

  private static SimulationResult run(SimulationEngine engine, Plans plans) {
    return engine.run(
        LibraryFmus.archive(plans.description().modelName()), plans.description(), plans.build());
  }

  private static List<Path> newFolders(List<Path> before) throws IOException {
    List<Path> now = new ArrayList<>(unpackedFolders());
    now.removeAll(before);
    return now;
  }

  private static FmuInterface interfaceFor(int k) {
    return k % 2 == 0 ? FmuInterface.CO_SIMULATION : FmuInterface.MODEL_EXCHANGE;
  }

  private static List<Path> unpackedFolders() throws IOException {
    try (Stream<Path> entries = Files.list(TEMP)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("fmugw-run-"))
          .sorted()
          .toList();
    }
  }
}
