package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.StepLoops.DORMAND_PRINCE;
import static com.fmugateway.adapter.out.fmi.engine.StepLoops.allocatedByARun;
import static com.fmugateway.adapter.out.fmi.engine.StepLoops.assertFailsAsInHipparchus;
import static com.fmugateway.adapter.out.fmi.engine.TestOdes.ode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.engine.StepLoops.Run;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.junit.jupiter.api.Test;

/**
 * The stepper is Hipparchus' Dormand–Prince 5(4) as the engine drives it (a step handler sampling
 * each step, a step-end handler that may stop): the same steps, states and samples to the last bit
 * when both take {@code FastMath.pow}, the same failures, and no allocation per step.
 */
class DormandPrince54StepperTest {

  /** A damped oscillator driven by sin t. */
  private static final OrdinaryDifferentialEquation OSCILLATOR =
      ode(
          2,
          (t, y, d) -> {
            d[0] = y[1];
            d[1] = -y[0] - 0.3 * y[1] + Math.sin(t);
          });

  /** Lorenz's system: chaotic, so a step that differs in one bit shows up within a few units. */
  private static final OrdinaryDifferentialEquation LORENZ =
      ode(
          3,
          (t, y, d) -> {
            d[0] = 10 * (y[1] - y[0]);
            d[1] = y[0] * (28 - y[2]) - y[1];
            d[2] = y[0] * y[1] - 8.0 / 3.0 * y[2];
          });

  /** Van der Pol's oscillator with μ = 5: steps from long to short and back. */
  private static final OrdinaryDifferentialEquation VAN_DER_POL =
      ode(
          2,
          (t, y, d) -> {
            d[0] = y[1];
            d[1] = 5 * (1 - y[0] * y[0]) * y[1] - y[0];
          });

  @Test
  void itsStepsStatesAndSamplesAreHipparchusOwnToTheLastBit() {
    assertSameRun(OSCILLATOR, new double[] {1, 0}, new double[] {0, 20}, 10, Integer.MAX_VALUE);
    assertSameRun(LORENZ, new double[] {1, 1, 1}, new double[] {0, 15}, 100, Integer.MAX_VALUE);
    assertSameRun(VAN_DER_POL, new double[] {2, 0}, new double[] {0, 20}, 10, Integer.MAX_VALUE);
  }

  @Test
  void segmentAfterSegmentTheyStayHipparchusOwn() {
    // As the engine integrates: to each time event or input sample, then on from there.
    assertSameRun(LORENZ, new double[] {1, 1, 1}, new double[] {0, 0.7, 3.1, 3.2, 9}, 7, 1 << 30);
  }

  @Test
  void aListenerThatStopsEndsTheIntegrationAtThatStepsEndAsHipparchusStepEndHandlerDoes() {
    Run own =
        StepLoops.assertSameRun(
            DORMAND_PRINCE, VAN_DER_POL, new double[] {2, 0}, new double[] {0, 20}, 0, 5, 0);

    assertThat(own.steps()).hasSize(5);
    assertThat(own.ends()[0]).isLessThan(20);
  }

  @Test
  void aStepBelowTheMinimumFailsAsItDoesInHipparchus() {
    // y' = -1e6 y needs steps of about 3e-6 to stay stable; 1e-3 may not go below.
    OrdinaryDifferentialEquation stiff = ode(1, (t, y, d) -> d[0] = -1e6 * y[0]);

    assertFailsAsInHipparchus(
        DORMAND_PRINCE, stiff, 1e-3, 0, new double[] {1}, 1, MathIllegalArgumentException.class);
  }

  @Test
  void derivativesThatAreNotANumberFailAsTheyDoInHipparchus() {
    OrdinaryDifferentialEquation broken = ode(1, (t, y, d) -> d[0] = t > 0.5 ? Double.NaN : 1);

    assertFailsAsInHipparchus(
        DORMAND_PRINCE, broken, 1e-12, 0, new double[] {0}, 1, MathIllegalStateException.class);
  }

  @Test
  void anIntervalTooShortToIntegrateIsRefusedAsHipparchusRefusesIt() {
    assertFailsAsInHipparchus(
        DORMAND_PRINCE, OSCILLATOR, 1e-12, 1, new double[2], 1, MathIllegalArgumentException.class);
  }

  @Test
  void itAllocatesNothingPerStep() {
    DormandPrince54Stepper stepper = new DormandPrince54Stepper(3, 1e-12, 100, 1e-10, 1e-10);
    long[] steps = new long[1];

    long allocated = allocatedByARun(stepper, LORENZ, new double[] {1, 1, 1}, 50, steps);

    assertThat(steps[0]).isGreaterThan(10_000);
    assertThat(allocated).isLessThan(1024);
  }

  private static void assertSameRun(
      OrdinaryDifferentialEquation ode, double[] y0, double[] times, int samplesPerStep, int stop) {
    StepLoops.assertSameRun(DORMAND_PRINCE, ode, y0, times, samplesPerStep, stop, 50);
  }
}
