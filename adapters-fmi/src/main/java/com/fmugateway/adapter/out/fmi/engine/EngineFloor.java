package com.fmugateway.adapter.out.fmi.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.sun.management.ThreadMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The floor under every run: {@link SimulationEngine#run} called directly, one run after another on
 * one thread of a JVM of its own, with no gateway, worker or thread hand-off around it. The engine
 * is made as a sandbox worker makes its own ({@link SimulationEngine#forFixedArchives()}). For
 * {@code scripts/benchmark-floor.sh}, which starts it from the Run command's jar through Spring
 * Boot's {@code PropertiesLauncher}; not used by the gateway.
 *
 * <p>Usage: {@code EngineFloor <archive.fmu> <stop> <step> <seconds of warm-up> <runs>
 * <output>...}; co-simulation from 0. Prints {@code median_ms p99_ms cpu_median_ms allocated_bytes
 * steps}: wall time per run, the engine's own CPU time per run, the bytes the runs allocated on the
 * JVM's heap, on average per run, and the steps of the last run. With {@code -} for {@code <runs>},
 * prints {@code ready} after the warm-up, then such a line for each number of runs read from
 * standard input, up to its end: {@code scripts/benchmark-floor.sh} takes turns between it and a C
 * loop. With {@code -Dfloor.solver=<solver>} (and {@code -Dfloor.rtol}, 1e-6), the run is by model
 * exchange with that solver instead ({@code scripts/benchmark-me.sh}).
 */
public final class EngineFloor {

  private static final ThreadMXBean ALLOCATION = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private EngineFloor() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 6) {
      System.err.println("usage: EngineFloor archive stop step warm-up-seconds runs|- output...");
      System.exit(2);
    }
    Path archive = Path.of(args[0]);
    ModelDescription description = new FmuArchiveInspector().inspectNow(archive).description();
    List<ModelVariable> outputs =
        Arrays.stream(args, 5, args.length)
            .map(
                name ->
                    description
                        .variable(name)
                        .orElseThrow(() -> new IllegalArgumentException("no variable " + name)))
            .toList();
    String solverName = System.getProperty("floor.solver");
    Solver solver =
        solverName == null
            ? Solver.defaults()
            : new Solver(
                SolverKind.fromCode(solverName)
                    .orElseThrow(() -> new IllegalArgumentException("no solver " + solverName)),
                Double.parseDouble(System.getProperty("floor.rtol", "1e-6")),
                Solver.DEFAULT_ATOL,
                OptionalDouble.empty());
    SimulationPlan plan =
        new SimulationPlan(
            solverName == null ? FmuInterface.CO_SIMULATION : FmuInterface.MODEL_EXCHANGE,
            0,
            Double.parseDouble(args[1]),
            Double.parseDouble(args[2]),
            List.of(),
            List.of(),
            outputs,
            solver,
            Duration.ofMinutes(1),
            Map.of());
    SimulationEngine engine = SimulationEngine.forFixedArchives(); // as a sandbox worker's
    // Warmed up through the same code that measures, so that the JIT has compiled it too: code
    // compiled only into another loop would be dropped when measuring begins.
    long warmUpEnd = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[3])).toNanos();
    while (System.nanoTime() - warmUpEnd < 0) {
      measure(engine, archive, description, plan, 1_000);
    }
    if (!args[4].equals("-")) {
      System.out.println(measure(engine, archive, description, plan, Integer.parseInt(args[4])));
    } else {
      System.out.println("ready");
      System.out.flush();
      BufferedReader counts = new BufferedReader(new InputStreamReader(System.in, UTF_8));
      for (String line = counts.readLine(); line != null; line = counts.readLine()) {
        System.out.println(
            measure(engine, archive, description, plan, Integer.parseInt(line.trim())));
        System.out.flush();
      }
    }
    engine.unloadIdleCopies();
  }

  /**
   * Runs {@code runs} times and returns {@code median_ms p99_ms cpu_median_ms allocated_bytes
   * steps}.
   */
  private static String measure(
      SimulationEngine engine,
      Path archive,
      ModelDescription description,
      SimulationPlan plan,
      int runs) {
    long[] wall = new long[runs];
    long[] cpu = new long[runs];
    long steps = 0;
    long allocatedBefore = ALLOCATION.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < runs; i++) {
      long started = System.nanoTime();
      SimulationResult result = engine.run(archive, description, plan);
      wall[i] = System.nanoTime() - started;
      cpu[i] = result.cpuTime().toNanos();
      steps = result.steps();
    }
    long allocated = ALLOCATION.getCurrentThreadAllocatedBytes() - allocatedBefore;
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return String.format(
        Locale.ROOT,
        "%.4f %.4f %.4f %d %d",
        wall[runs / 2] / 1e6,
        wall[Math.min(runs - 1, runs * 99 / 100)] / 1e6,
        cpu[runs / 2] / 1e6,
        allocated / runs,
        steps);
  }
}
