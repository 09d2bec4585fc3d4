package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.ResultAssembler;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * A sandboxed run's result streamed message by message: the same result as the whole one in either
 * layout, samples arriving while the run still goes on, and a failure after samples.
 */
class SandboxStreamingIT {

  @TempDir Path workDir;

  private SandboxedSimulator simulator;

  @AfterEach
  void close() {
    simulator.close();
  }

  @Test
  void aStreamedResult_inEitherLayout_isTheWholeResultInManyMessages() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
    SimulationJob job = bouncingBall(300, 0.001);
    SimulationResult whole = simulator.simulate(job).block(Workers.WAIT);

    List<ResultPart> rows =
        simulator.stream(job, ResultLayout.ROWS).collectList().block(Workers.WAIT);
    ResultAssembler assembled = new ResultAssembler();
    rows.stream()
        .filter(ResultPart.Chunk.class::isInstance)
        .forEach(part -> assembled.add((ResultPart.Chunk) part));
    assertThat(assembled.finish((ResultPart.End) rows.get(rows.size() - 1))).isEqualTo(whole);
    assertThat(rows).hasSizeGreaterThan(100);

    List<ResultPart> columns =
        simulator.stream(job, ResultLayout.COLUMNS).collectList().block(Workers.WAIT);
    List<Double> time = new ArrayList<>();
    List<Double> h = new ArrayList<>();
    List<String> order = new ArrayList<>();
    for (ResultPart part : columns) {
      if (part instanceof ResultPart.Chunk chunk) {
        String key = chunk.columns().isEmpty() ? "time" : chunk.columns().get(0).name();
        if (order.isEmpty() || !order.get(order.size() - 1).equals(key)) {
          order.add(key);
        }
        for (int i = 0; i < chunk.time().length; i++) {
          if (key.equals("time")) {
            time.add(chunk.time()[i]);
          } else if (key.equals("h")) {
            h.add(((Column.Real) chunk.columns().get(0)).values()[i]);
          }
        }
      }
    }
    assertThat(order).containsExactly("time", "h", "v");
    assertThat(time).containsExactlyElementsOf(boxed(whole.time()));
    assertThat(h)
        .containsExactlyElementsOf(boxed(((Column.Real) whole.column("h").orElseThrow()).values()));
  }

  @Test
  void samplesArriveWhileTheRunGoesOn_evenFromARunThatNeverEnds() {
    simulator = new SandboxedSimulator(Settings.in(workDir).build());
    AtomicInteger chunks = new AtomicInteger();

    StepVerifier.create(simulator.stream(endlessBouncingBall(), ResultLayout.ROWS))
        .thenConsumeWhile(part -> part instanceof ResultPart.Chunk && chunks.incrementAndGet() > 0)
        .expectErrorSatisfies(
            e ->
                assertThat(((SimulationFailedException) e).failureCause()).isEqualTo(Cause.TIMEOUT))
        .verify(Workers.WAIT);

    assertThat(chunks.get()).isGreaterThan(1);
  }

  @Test
  void aResultPastTheLimit_failsAfterItsFirstMessages() {
    simulator = new SandboxedSimulator(Settings.in(workDir).maxResultBytes(256 << 10).build());
    AtomicInteger chunks = new AtomicInteger();

    StepVerifier.create(simulator.stream(bouncingBall(300, 0.001), ResultLayout.ROWS))
        .thenConsumeWhile(part -> part instanceof ResultPart.Chunk && chunks.incrementAndGet() > 0)
        .expectErrorSatisfies(
            e ->
                assertThat(((SimulationFailedException) e).failureCause())
                    .isEqualTo(Cause.RESOURCE_LIMIT))
        .verify(Workers.WAIT);

    assertThat(chunks.get()).isPositive();
  }

  private static SimulationJob bouncingBall(double stop, double step) {
    ModelDescription description = Jobs.description("BouncingBall");
    SimulationPlan plan =
        new SimulationPlan(
            FmuInterface.CO_SIMULATION,
            0,
            stop,
            step,
            List.of(),
            List.of(),
            List.of(
                description.variable("h").orElseThrow(), description.variable("v").orElseThrow()),
            Solver.defaults(),
            Duration.ofSeconds(30),
            Map.of());
    return Jobs.job(AccountId.random(), Jobs.builtIn("BouncingBall"), plan);
  }

  /**
   * BouncingBall sampled densely up to a stop time it never reaches within its 5 s limit. By model
   * exchange, whose master reads the FMU at every sample: 5 s of it stay far below the 512 MiB
   * result limit (co-simulation's loop in C made more than that in 3 s). With co-simulation and a 1
   * s limit, one run during a concurrent build sent no chunk before its limit.
   */
  private static SimulationJob endlessBouncingBall() {
    ModelDescription description = Jobs.description("BouncingBall");
    SimulationPlan plan =
        new SimulationPlan(
            FmuInterface.MODEL_EXCHANGE,
            0,
            1e4,
            1e-5,
            List.of(),
            List.of(),
            List.of(description.variable("h").orElseThrow()),
            Solver.defaults(),
            Duration.ofSeconds(5),
            Map.of());
    return Jobs.job(AccountId.random(), Jobs.builtIn("BouncingBall"), plan);
  }

  private static List<Double> boxed(double[] values) {
    List<Double> boxed = new ArrayList<>(values.length);
    for (double value : values) {
      boxed.add(value);
    }
    return boxed;
  }
}
