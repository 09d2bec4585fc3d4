package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.engine.SimulationEngine;
import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints what the sandbox costs: median latency of BouncingBall (3 s at 0.01) in-process and
 * through a warm worker, run alternately so that background load hits both alike, and how long a
 * cold worker takes to start. A main, not a test, because timings make no reliable assertions. Run
 * it with {@code MAVEN_OPTS="-XX:+DisableExplicitGC -Djava.io.tmpdir=/dev/shm" ./mvnw -o -pl
 * adapters-fmi test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.fmugateway.adapter.out.fmi.sandbox.host.SandboxMeasurements}: workers unpack
 * FMUs into a tmpfs, so the in-process engine should too, and FMI4j's System.gc() calls must be off
 * in both.
 */
final class SandboxMeasurements {

  private static final int WARM_UP = 30;
  private static final int RUNS = 100;
  private static final int COLD_STARTS = 10;

  public static void main(String[] args) throws IOException {
    Path workDir = Files.createTempDirectory("fmugw-measure");
    FmuArtifact fmu = Jobs.builtIn("BouncingBall");
    try (SandboxedSimulator simulator = new SandboxedSimulator(SandboxSettings.defaults(workDir))) {
      System.out.printf("bubblewrap: %s%n", simulator.status().bubblewrap());
      for (FmuInterface fmuInterface :
          List.of(FmuInterface.CO_SIMULATION, FmuInterface.MODEL_EXCHANGE)) {
        SimulationPlan plan = Jobs.bouncingBall(fmuInterface);
        SimulationJob job = Jobs.job(AccountId.random(), fmu, plan);
        SimulationEngine engine = new SimulationEngine();
        double[][] millis =
            alternately(
                () -> engine.run(fmu.archive(), fmu.description(), plan),
                () -> simulator.simulate(job).block(Duration.ofMinutes(1)));
        double[] overhead = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
          overhead[i] = millis[1][i] - millis[0][i];
        }
        System.out.printf(
            "BouncingBall %s 3 s @ 0.01: in-process %.2f ms, warm sandbox %.2f ms,"
                + " overhead %.2f ms per run (medians of %d)%n",
            fmuInterface.code(), median(millis[0]), median(millis[1]), median(overhead), RUNS);
      }
      coldStarts(simulator, fmu);
    }
  }

  /** Each run from a new account of an upload needs a worker of its own. */
  private static void coldStarts(SandboxedSimulator simulator, FmuArtifact builtIn) {
    FmuArtifact upload =
        new FmuArtifact(
            builtIn.id(), builtIn.sha256(), builtIn.archive(), builtIn.description(), false);
    SimulationPlan plan = Jobs.bouncingBall(FmuInterface.CO_SIMULATION);
    double[] firstRuns = new double[COLD_STARTS];
    double[] startups = new double[COLD_STARTS];
    for (int i = 0; i < COLD_STARTS; i++) {
      AccountId account = AccountId.random();
      long start = System.nanoTime();
      simulator.simulate(Jobs.job(account, upload, plan)).block(Duration.ofMinutes(1));
      firstRuns[i] = (System.nanoTime() - start) / 1e6;
      startups[i] =
          simulator.workers().stream()
                  .filter(w -> w.key().account().filter(account::equals).isPresent())
                  .findFirst()
                  .orElseThrow()
                  .startup()
                  .toNanos()
              / 1e6;
    }
    System.out.printf(
        "cold worker: start to hello %.0f ms, first run including start %.0f ms (medians of %d)%n",
        median(startups), median(firstRuns), COLD_STARTS);
  }

  /** Milliseconds of {@code a} and {@code b} run in turn, after a warm-up of both. */
  private static double[][] alternately(Supplier<?> a, Supplier<?> b) {
    for (int i = 0; i < WARM_UP; i++) {
      a.get();
      b.get();
    }
    double[][] millis = new double[2][RUNS];
    for (int i = 0; i < RUNS; i++) {
      millis[0][i] = time(a);
      millis[1][i] = time(b);
    }
    return millis;
  }

  private static double time(Supplier<?> run) {
    long start = System.nanoTime();
    run.get();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
