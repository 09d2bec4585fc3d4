package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.Runs.reals;
import static com.fmugateway.adapter.out.fmi.engine.Runs.run;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Prints the accuracy and speed figures quoted in reviews; a main, not a test, because timings make
 * no reliable assertions. Run it with {@code ./mvnw -o -pl adapters-fmi test-compile exec:java
 * -Dexec.classpathScope=test
 * -Dexec.mainClass=com.fmugateway.adapter.out.fmi.engine.EngineMeasurements}.
 */
final class EngineMeasurements {

  private static final BouncingBallAnalytic BALL = new BouncingBallAnalytic(1, 9.81, 0.7, 3);

  public static void main(String[] args) {
    lag("CS", () -> Plans.forModel("FirstOrderLag").on(FmuInterface.CO_SIMULATION));
    lag("ME dopri5 1e-6", () -> me("FirstOrderLag").solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8));
    lag(
        "ME dopri853 1e-10",
        () -> me("FirstOrderLag").solver(SolverKind.DORMAND_PRINCE_853, 1e-10, 1e-12));
    lag("ME rk4 0.01", () -> me("FirstOrderLag").fixedStep(SolverKind.RK4, 0.01));
    lag("ME euler 0.01", () -> me("FirstOrderLag").fixedStep(SolverKind.EULER, 0.01));
    ball("CS 0.01", () -> Plans.forModel("BouncingBall").on(FmuInterface.CO_SIMULATION));
    ball("ME dopri5 1e-6", () -> me("BouncingBall").solver(SolverKind.DORMAND_PRINCE, 1e-6, 1e-8));
    ball("ME rk4 0.01", () -> me("BouncingBall").fixedStep(SolverKind.RK4, 0.01));
    ball("ME euler 0.01", () -> me("BouncingBall").fixedStep(SolverKind.EULER, 0.01));
    timing("CS", () -> Plans.forModel("BouncingBall").on(FmuInterface.CO_SIMULATION));
    timing("ME dopri5", () -> me("BouncingBall"));
  }

  private static Plans me(String model) {
    return Plans.forModel(model).on(FmuInterface.MODEL_EXCHANGE);
  }

  private static void lag(String label, Supplier<Plans> plans) {
    SimulationResult decay = run(plans.get().until(5, 0.01).start("y0", 1.0).outputs("y"));
    SimulationResult step =
        run(
            plans
                .get()
                .until(5, 0.01)
                .start("u", 1.0)
                .start("K", 2.0)
                .start("T", 0.5)
                .outputs("y"));
    System.out.printf(
        "FirstOrderLag %-18s decay max rel err %.2e (steps %d), step response max rel err %.2e (steps %d)%n",
        label,
        FirstOrderLagTest.maxRelativeError(decay, t -> Math.exp(-t)),
        decay.steps(),
        FirstOrderLagTest.maxRelativeError(step, t -> 2 * (1 - Math.exp(-2 * t))),
        step.steps());
  }

  private static void ball(String label, Supplier<Plans> plans) {
    SimulationResult result = run(plans.get().until(3, 0.01).outputs("h", "v"));
    List<Double> impacts =
        BouncingBallAnalytic.impactsFromSamples(
            result.time(), reals(result, "h"), reals(result, "v"), 9.81);
    double worstImpact = 0;
    for (int k = 0; k < Math.min(impacts.size(), BALL.impacts().size()); k++) {
      worstImpact = Math.max(worstImpact, Math.abs(impacts.get(k) - BALL.impacts().get(k)));
    }
    double worstHeight = 0;
    double[] h = reals(result, "h");
    for (int i = 0; i < h.length; i++) {
      worstHeight = Math.max(worstHeight, Math.abs(h[i] - BALL.height(result.time()[i])));
    }
    System.out.printf(
        "BouncingBall  %-18s impacts %d (exact %d), first %.9f, second %.9f, max impact err %.1e s, max h err %.1e m, steps %d, events %d%n",
        label,
        impacts.size(),
        BALL.impacts().size(),
        impacts.get(0),
        impacts.get(1),
        worstImpact,
        worstHeight,
        result.steps(),
        result.events());
  }

  private static void timing(String label, Supplier<Plans> plans) {
    int runs = 50;
    for (int i = 0; i < 20; i++) {
      run(plans.get().until(3, 0.01).outputs("h", "v")); // warm-up
    }
    long[] wall = new long[runs];
    long[] cpu = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      SimulationResult result = run(plans.get().until(3, 0.01).outputs("h", "v"));
      wall[i] = System.nanoTime() - start;
      cpu[i] = result.cpuTime().toNanos();
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(
        "BouncingBall 3 s at 0.01, %-9s median wall %.2f ms (min %.2f), median engine cpu %.2f ms%n",
        label, wall[runs / 2] / 1e6, wall[0] / 1e6, cpu[runs / 2] / 1e6);
  }
}
