package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.fmi3.Fmi3NativeModelExchange;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.SolverKind;
import com.fmugateway.domain.simulation.model.SolverStatistics;
import com.fmugateway.domain.simulation.model.SolverStatistics.JacobianSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FMI 3.0 model exchange placing and reading the FMU, taking its Jacobian and completing its steps
 * in one native call each gives what one JNA call per FMI call gives: the same samples, steps,
 * events and log, and the same failure naming the same call.
 */
class Fmi3NativeModelExchangeTest {

  private final Fmi3BothWays bothWays = new Fmi3BothWays(Fmi3NativeModelExchange::calls);

  @AfterEach
  void unloadTheFmus() {
    bothWays.unload();
  }

  @Test
  void theBouncingBallsEventsAndSamplesAreTheSameEitherWay() {
    SimulationResult result = same(plans("BouncingBall3").until(3, 0.01).outputs("h", "v"));
    same(plans("BouncingBall3").until(3, 0.01).start("e", 0.5).outputs("h"));
    same(plans("BouncingBall3").until(1, 0.01).outputs()); // no output: nothing read at a sample

    assertThat(result.events()).isGreaterThan(3);
  }

  @Test
  void anArrayOutputIsTheSameEitherWay() {
    SimulationResult result = same(plans("StateSpace3").until(20, 0.01).outputs("y"));

    assertThat(result.columns()).hasSizeGreaterThan(1); // y is an array
  }

  @Test
  void aStiffModelsJacobiansFromOneNativeCallEachAreTheColumnByColumnOnes() {
    Plans robertson = plans("Robertson3").until(40, 0.4).solver(SolverKind.ROSENBROCK, 1e-6, 1e-10);
    long before = Fmi3NativeModelExchange.jacobians();

    SimulationResult result = same(robertson);

    SolverStatistics statistics = result.solverStatistics().orElseThrow();
    assertThat(statistics.jacobian()).contains(JacobianSource.DIRECTIONAL_DERIVATIVES);
    assertThat(Fmi3NativeModelExchange.jacobians() - before)
        .as("each of the native run's Jacobians in one call, none of the other run's")
        .isEqualTo(statistics.jacobianEvaluations());
  }

  @Test
  void aStepEventOrATerminationAskedForByACompletedStepIsTheSameEitherWay() {
    Plans stepEvent = byOutputTimes().start("step_event_at", 0.35);
    Plans termination = byOutputTimes().start("terminate_at", 0.55);

    SimulationResult evented = same(stepEvent);
    SimulationResult terminated = bothWays.same(termination);

    assertThat(evented.events()).as("the step event, handled once").isOne();
    double[] times = terminated.time();
    assertThat(times).hasSizeLessThan(termination.build().sampleCount());
    assertThat(times[times.length - 1])
        .as("the run ends at the step that asked to terminate")
        .isGreaterThan(0.55)
        .isLessThan(1);
  }

  @Test
  void aFailedJacobianNamesTheCallEitherWay() {
    Plans plans =
        plans("FailingJacobian3")
            .until(1, 0.1)
            .outputs("x")
            .solver(SolverKind.ROSENBROCK, 1e-6, 1e-8)
            .start("fail_jacobian_at", 0.55);
    long before = Fmi3NativeModelExchange.jacobians();

    List<SimulationFailedException> failures =
        bothWays.fails(plans, "fmi3GetDirectionalDerivative", "passes fail_jacobian_at 0.55");

    assertThat(Fmi3NativeModelExchange.jacobians()).isGreaterThan(before);
    assertThat(failures.get(0).getMessage()).isEqualTo(failures.get(1).getMessage());
    assertThat(failures.get(0).fmuLog()).isEqualTo(failures.get(1).fmuLog());
  }

  @Test
  void aFailedReadNamesTheCallEitherWay() {
    Plans plans =
        Fmi3BothWays.failingStep3(FmuInterface.MODEL_EXCHANGE).start("fail_read_at", 0.55);

    List<SimulationFailedException> failures =
        bothWays.fails(plans, "fmi3GetFloat64", "passes fail_read_at 0.55");

    assertThat(failures.get(0).getMessage()).isEqualTo(failures.get(1).getMessage());
    assertThat(failures.get(0).fmuLog()).isEqualTo(failures.get(1).fmuLog());
  }

  /** Both ways the same, with every sample up to the stop time. */
  private SimulationResult same(Plans plans) {
    SimulationResult result = bothWays.same(plans);
    assertThat(result.time()).hasSize(plans.build().sampleCount());
    return result;
  }

  /**
   * FailingStep3 by the Rosenbrock method, which integrates to each output time: a step ends every
   * 0.1 s.
   */
  private static Plans byOutputTimes() {
    return Fmi3BothWays.failingStep3(FmuInterface.MODEL_EXCHANGE)
        .solver(SolverKind.ROSENBROCK, 1e-6, 1e-8);
  }

  private static Plans plans(String model) {
    return Fmi3BothWays.plans(model, FmuInterface.MODEL_EXCHANGE);
  }
}
