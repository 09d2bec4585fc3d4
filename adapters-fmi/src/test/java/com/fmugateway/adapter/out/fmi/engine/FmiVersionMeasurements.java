package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Prints the engine's own time for the same bouncing ball as FMI 2.0 (BouncingBall) and FMI 3.0
 * (BouncingBall3), by co-simulation and by model exchange (Dormand–Prince, rtol 1e-6), 3 s at 0.01,
 * as scripts/Benchmark.java's "fmi" scope asks the gateway for, without the gateway around it. A
 * main, not a test: timings make no reliable assertions. Run it with {@code ./mvnw -o -pl
 * adapters-fmi test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.fmugateway.adapter.out.fmi.engine.FmiVersionMeasurements [-Dexec.args="runs
 * [filter, e.g. '3.fmu me']"]}, with {@code MAVEN_OPTS=-XX:+DisableExplicitGC} as the worker runs:
 * FMI4j calls System.gc(), which otherwise puts milliseconds into every FMI 2.0 run's wall time.
 */
final class FmiVersionMeasurements {

  private static final SimulationEngine ENGINE = TestEngine.SHARED;

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    String only = args.length > 1 ? args[1] : "";
    for (FmuInterface itf : List.of(FmuInterface.CO_SIMULATION, FmuInterface.MODEL_EXCHANGE)) {
      for (String fmu :
          List.of("/fmi/library/BouncingBall.fmu", "/fmi/library3/BouncingBall3.fmu")) {
        if ((fmu + " " + itf.code()).contains(only)) {
          measure(fmu, itf, runs);
        }
      }
    }
  }

  private static void measure(String resource, FmuInterface itf, int runs) {
    Path fmu = resource(resource);
    ModelDescription description = new FmuArchiveInspector().inspectNow(fmu).description();
    List<ModelVariable> outputs =
        description.variables().stream().filter(v -> v.causality() == Causality.OUTPUT).toList();
    Solver solver =
        itf == FmuInterface.MODEL_EXCHANGE
            ? new Solver(
                SolverKind.DORMAND_PRINCE, 1e-6, Solver.DEFAULT_ATOL, OptionalDouble.empty())
            : Solver.defaults();
    SimulationPlan plan =
        new SimulationPlan(
            itf,
            0,
            3,
            0.01,
            List.of(),
            List.of(),
            outputs,
            solver,
            Duration.ofSeconds(60),
            Map.of());
    for (int i = 0; i < Math.max(20, runs / 4); i++) {
      ENGINE.run(fmu, description, plan); // warm-up
    }
    long[] wall = new long[runs];
    long[] cpu = new long[runs];
    SimulationResult last = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      last = ENGINE.run(fmu, description, plan);
      wall[i] = System.nanoTime() - start;
      cpu[i] = last.cpuTime().toNanos();
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(
        "%-14s %-3s median wall %6.2f ms (min %6.2f), median cpu %6.2f ms; steps %d, events %d%n",
        description.modelName(),
        itf.code(),
        wall[runs / 2] / 1e6,
        wall[0] / 1e6,
        cpu[runs / 2] / 1e6,
        last.steps(),
        last.events());
  }

  private static Path resource(String name) {
    try {
      return Path.of(FmiVersionMeasurements.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
