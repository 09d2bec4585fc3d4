package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.wire.RunRequest;
import com.fmugateway.adapter.out.fmi.sandbox.wire.WorkerResponse;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.Solver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spare's warm-up: runs of our own BouncingBall, which anyone's worker may run, so that a
 * customer's first run finds the engine's classes loaded and compiled: co-simulation with its
 * samples in rows (CSV, whole results), {@link #CO_SIMULATION_RUNS} times, then model exchange with
 * its samples in columns (streamed JSON) once. Nobody asked for them: they are neither billed nor
 * recorded, nor counted among the worker's runs, and their FMU is gone before the spare is claimed.
 */
final class WarmUp {

  static final String RESOURCE = "fmi/library/BouncingBall.fmu";

  /**
   * Enough runs for the code each run goes through once (the request, the FMU's copy and instance,
   * the result's framing), not only the code of each step, to be compiled: the worker's JVM
   * compiles a method (C1 only) after a few hundred calls. With one run, the first real run on a
   * prepared spare took a worker round trip of 3.8 ms (median of 15 cold first runs), against about
   * 1.3 warm; with 300, 2.3 ms. They cost a spare about 0.2 s more CPU and 0.3 s more to get ready.
   */
  static final int CO_SIMULATION_RUNS = 300;

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long MAX_RESPONSE_BYTES = 1 << 20;

  private WarmUp() {}

  /**
   * Copies the warm-up FMU from the class path into {@code workDir}, once per simulator; empty when
   * the class path has none, and spares then start cold.
   */
  static Optional<Path> install(ClassLoader classes, Path workDir) {
    try (InputStream in = classes.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      // Another simulator in this process may be copying it to a spare right now: replaced whole.
      Path archive = workDir.resolve("warm-up.fmu");
      Path partial = Files.createTempFile(workDir, "warm-up", ".partial");
      try {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
      return Optional.of(archive);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install the warm-up FMU in " + workDir, e);
    }
  }

  /** Runs the warm-up in {@code worker}; any failure means the worker is no good as a spare. */
  static void run(WorkerProcess worker, Path archive) throws IOException {
    worker.layout().installWarmUp(archive);
    for (int i = 0; i < CO_SIMULATION_RUNS; i++) {
      run(worker, FmuInterface.CO_SIMULATION, ResultLayout.ROWS);
    }
    run(worker, FmuInterface.MODEL_EXCHANGE, ResultLayout.COLUMNS);
    worker.layout().removeWarmUp();
  }

  private static void run(WorkerProcess worker, FmuInterface fmuInterface, ResultLayout layout)
      throws IOException {
    RunRequest request = request(worker.layout(), fmuInterface);
    WorkerResponse response = worker.warmUp(request, layout, MAX_RESPONSE_BYTES);
    if (!(response instanceof WorkerResponse.Completed)) {
      throw new WorkerStartException("the spare's warm-up run failed: " + response, "");
    }
  }

  private static RunRequest request(WorkerLayout layout, FmuInterface fmuInterface) {
    return new RunRequest(
        layout.warmUpForWorker(),
        fmuInterface,
        0,
        3,
        0.01,
        List.of(),
        List.of(),
        List.of("h", "v"),
        Solver.defaults(),
        TIMEOUT,
        Map.of());
  }
}
