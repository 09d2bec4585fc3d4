package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.TestOdes.ode;
import static com.fmugateway.adapter.out.fmi.engine.TestOdes.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * The stepper is Hipparchus' Dormand–Prince 5(4) as the engine drives it (a step handler sampling
 * each step, a step-end handler that may stop): the same steps, states and samples to the last bit
 * when both take {@code FastMath.pow}, the same failures, and no allocation per step.
 */
class DormandPrince54StepperTest {

  private static final double ATOL = 1e-8;
  private static final double RTOL = 1e-6;

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
    Run own = ownRun(VAN_DER_POL, new double[] {2, 0}, new double[] {0, 20}, 0, 5);
    Run hipparchus = hipparchusRun(VAN_DER_POL, new double[] {2, 0}, new double[] {0, 20}, 0, 5);

    assertThat(own.steps).hasSize(5);
    assertThat(own.ends[0]).isLessThan(20);
    assertSame(own, hipparchus);
  }

  @Test
  void aStepBelowTheMinimumFailsAsItDoesInHipparchus() {
    // y' = -1e6 y needs steps of about 3e-6 to stay stable; 1e-3 may not go below.
    OrdinaryDifferentialEquation stiff = ode(1, (t, y, d) -> d[0] = -1e6 * y[0]);

    assertFailsAsInHipparchus(
        stiff, 1e-3, 0, new double[] {1}, 1, MathIllegalArgumentException.class);
  }

  @Test
  void derivativesThatAreNotANumberFailAsTheyDoInHipparchus() {
    OrdinaryDifferentialEquation broken = ode(1, (t, y, d) -> d[0] = t > 0.5 ? Double.NaN : 1);

    assertFailsAsInHipparchus(
        broken, 1e-12, 0, new double[] {0}, 1, MathIllegalStateException.class);
  }

  @Test
  void anIntervalTooShortToIntegrateIsRefusedAsHipparchusRefusesIt() {
    assertFailsAsInHipparchus(
        OSCILLATOR, 1e-12, 1, new double[2], 1, MathIllegalArgumentException.class);
  }

  /**
   * Integrating {@code ode} from {@code (from, y0)} to {@code to} with {@code minStep} fails in
   * Hipparchus with a {@code type}, and in the stepper with the same type and message.
   */
  private static void assertFailsAsInHipparchus(
      OrdinaryDifferentialEquation ode,
      double minStep,
      double from,
      double[] y0,
      double to,
      Class<? extends Throwable> type) {
    int n = y0.length;
    Throwable hipparchus =
        catchThrowable(
            () ->
                new HipparchusDormandPrince54(minStep, 1, ATOL, RTOL)
                    .integrate(ode, new ODEState(from, y0.clone()), to));
    DormandPrince54Stepper stepper = new DormandPrince54Stepper(n, minStep, 1, ATOL, RTOL);

    assertThat(hipparchus).isInstanceOf(type);
    assertThatThrownBy(() -> stepper.integrate(ode, from, y0.clone(), to, step -> false))
        .isInstanceOf(type)
        .hasMessage(hipparchus.getMessage());
  }

  @Test
  void itAllocatesNothingPerStep() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    DormandPrince54Stepper stepper = new DormandPrince54Stepper(3, 1e-12, 100, 1e-10, 1e-10);
    double[] sample = new double[3];
    long[] steps = new long[1];
    DormandPrince54Stepper.Listener listener =
        step -> {
          steps[0]++;
          step.stateAt((step.start() + step.end()) / 2, sample);
          return false;
        };
    double[] y = {1, 1, 1};
    stepper.integrate(LORENZ, 0, y, 1, listener); // classes loaded, the lambda made

    steps[0] = 0;
    long before = threads.getCurrentThreadAllocatedBytes();
    stepper.integrate(LORENZ, 0, y, 50, listener);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(steps[0]).isGreaterThan(10_000);
    assertThat(allocated).isLessThan(1024);
  }

  private static void assertSameRun(
      OrdinaryDifferentialEquation ode, double[] y0, double[] times, int samplesPerStep, int stop) {
    Run own = ownRun(ode, y0, times, samplesPerStep, stop);
    Run hipparchus = hipparchusRun(ode, y0, times, samplesPerStep, stop);

    assertThat(own.steps).hasSizeGreaterThan(50);
    assertSame(own, hipparchus);
  }

  private static void assertSame(Run own, Run hipparchus) {
    assertThat(own.steps).hasSameSizeAs(hipparchus.steps);
    for (int i = 0; i < own.steps.size(); i++) {
      assertThat(own.steps.get(i)).as("step %d", i).containsExactly(hipparchus.steps.get(i));
    }
    assertThat(own.samples).hasSameSizeAs(hipparchus.samples);
    for (int i = 0; i < own.samples.size(); i++) {
      assertThat(own.samples.get(i)).as("sample %d", i).containsExactly(hipparchus.samples.get(i));
    }
    assertThat(own.ends).containsExactly(hipparchus.ends);
  }

  /** Each step as {start, end, end state...}, samples inside each, where each segment ended. */
  private record Run(List<double[]> steps, List<double[]> samples, double[] ends) {}

  private static Run ownRun(
      OrdinaryDifferentialEquation ode, double[] y0, double[] times, int samplesPerStep, int stop) {
    DormandPrince54Stepper stepper =
        new DormandPrince54Stepper(y0.length, 1e-12, 100, ATOL, RTOL, FastMath::pow);
    List<double[]> steps = new ArrayList<>();
    List<double[]> samples = new ArrayList<>();
    double[] ends = new double[(times.length - 1) * (y0.length + 1)];
    double[] y = y0.clone();
    double t = times[0];
    for (int s = 1; s < times.length; s++) {
      t =
          stepper.integrate(
              ode,
              t,
              y,
              times[s],
              step -> {
                steps.add(row(step.start(), step.end(), step.endState()));
                for (int k = 1; k < samplesPerStep; k++) {
                  double at = step.start() + (step.end() - step.start()) * k / samplesPerStep;
                  samples.add(step.stateAt(at, new double[y0.length]));
                }
                return steps.size() == stop;
              });
      ends[(s - 1) * (y0.length + 1)] = t;
      System.arraycopy(y, 0, ends, (s - 1) * (y0.length + 1) + 1, y0.length);
    }
    return new Run(steps, samples, ends);
  }

  private static Run hipparchusRun(
      OrdinaryDifferentialEquation ode, double[] y0, double[] times, int samplesPerStep, int stop) {
    HipparchusDormandPrince54 integrator = new HipparchusDormandPrince54(1e-12, 100, ATOL, RTOL);
    List<double[]> steps = new ArrayList<>();
    List<double[]> samples = new ArrayList<>();
    double[] stepStart = new double[1];
    integrator.addStepHandler(
        step -> {
          double from = step.getPreviousState().getTime();
          double to = step.getCurrentState().getTime();
          if (to == from) {
            return; // the part after a step-end handler's stop or continue, of no length
          }
          stepStart[0] = from;
          for (int k = 1; k < samplesPerStep; k++) {
            double at = from + (to - from) * k / samplesPerStep;
            samples.add(HipparchusDormandPrince54.stateAt(step, at, new double[y0.length]));
          }
        });
    integrator.addStepEndHandler(
        (state, forward) -> {
          steps.add(row(stepStart[0], state.getTime(), state.getPrimaryState()));
          return steps.size() == stop ? Action.STOP : Action.CONTINUE;
        });
    double[] ends = new double[(times.length - 1) * (y0.length + 1)];
    ODEState state = new ODEState(times[0], y0.clone());
    for (int s = 1; s < times.length; s++) {
      ODEStateAndDerivative end = integrator.integrate(ode, state, times[s]);
      ends[(s - 1) * (y0.length + 1)] = end.getTime();
      System.arraycopy(end.getPrimaryState(), 0, ends, (s - 1) * (y0.length + 1) + 1, y0.length);
      state = new ODEState(end.getTime(), end.getPrimaryState());
    }
    return new Run(steps, samples, ends);
  }
}
