package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.TestOdes.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.util.FastMath;

/**
 * The engine's {@link Stepper}s beside the Hipparchus integrators they port, driven as the engine
 * drives them (a step handler sampling each step, a step-end handler that may stop, segment after
 * segment): their steps, states, samples and failures compared.
 */
final class StepLoops {

  static final double ATOL = 1e-8;
  static final double RTOL = 1e-6;

  private StepLoops() {}

  /** A stepper of the given size and step bounds, at {@link #ATOL} and {@link #RTOL}. */
  interface StepperFactory {
    Stepper make(int dimension, double minStep, double maxStep);
  }

  /** The Hipparchus integrator with the same bounds and tolerances. */
  interface IntegratorFactory {
    ODEIntegrator make(double minStep, double maxStep);
  }

  /** One of the engine's methods: its stepper, and the Hipparchus integrator it ports. */
  record Method(StepperFactory own, IntegratorFactory hipparchus) {}

  /** Both with {@code FastMath.pow}, as Hipparchus computes. */
  static final Method DORMAND_PRINCE =
      new Method(
          (n, min, max) -> new DormandPrince54Stepper(n, min, max, ATOL, RTOL, FastMath::pow),
          (min, max) -> new HipparchusDormandPrince54(min, max, ATOL, RTOL));

  static final Method ROSENBROCK =
      new Method(
          (n, min, max) -> new RosenbrockStepper(n, min, max, ATOL, RTOL, FastMath::pow),
          (min, max) -> new HipparchusRosenbrock(min, max, ATOL, RTOL));

  /** Each step as {start, end, end state...}, samples inside each, where each segment ended. */
  record Run(List<double[]> steps, List<double[]> samples, double[] ends) {}

  /**
   * Both ways from {@code y0} over segments ending at {@code times} (after the first), {@code
   * samplesPerStep - 1} samples inside each step, stopping at the {@code stop}th step: the same to
   * the last bit; the stepper's run, which takes more than {@code minSteps} steps.
   */
  static Run assertSameRun(
      Method method,
      OrdinaryDifferentialEquation ode,
      double[] y0,
      double[] times,
      int samplesPerStep,
      int stop,
      int minSteps) {
    Run own = ownRun(method, ode, y0, times, samplesPerStep, stop);
    Run hipparchus = hipparchusRun(method, ode, y0, times, samplesPerStep, stop);

    assertThat(own.steps).hasSizeGreaterThan(minSteps);
    assertThat(own.steps).hasSameSizeAs(hipparchus.steps);
    for (int i = 0; i < own.steps.size(); i++) {
      assertThat(own.steps.get(i)).as("step %d", i).containsExactly(hipparchus.steps.get(i));
    }
    assertThat(own.samples).hasSameSizeAs(hipparchus.samples);
    for (int i = 0; i < own.samples.size(); i++) {
      assertThat(own.samples.get(i)).as("sample %d", i).containsExactly(hipparchus.samples.get(i));
    }
    assertThat(own.ends).containsExactly(hipparchus.ends);
    return own;
  }

  /**
   * Integrating {@code ode} from {@code (from, y0)} to {@code to} with {@code minStep} fails in
   * Hipparchus with a {@code type}, and in the stepper with the same type and message.
   */
  static void assertFailsAsInHipparchus(
      Method method,
      OrdinaryDifferentialEquation ode,
      double minStep,
      double from,
      double[] y0,
      double to,
      Class<? extends Throwable> type) {
    Throwable hipparchus =
        catchThrowable(
            () ->
                method
                    .hipparchus()
                    .make(minStep, 1)
                    .integrate(ode, new ODEState(from, y0.clone()), to));
    Stepper stepper = method.own().make(y0.length, minStep, 1);

    assertThat(hipparchus).isInstanceOf(type);
    assertThatThrownBy(() -> stepper.integrate(ode, from, y0.clone(), to, step -> false))
        .isInstanceOf(type)
        .hasMessage(hipparchus.getMessage());
  }

  /**
   * Bytes the stepper allocates integrating {@code ode} from {@code y0} over {@code [0, to]}, with
   * a listener sampling each step's middle, after a first run of one unit (classes loaded, lambdas
   * made); {@code steps[0]} then holds that run's steps.
   */
  static long allocatedByARun(
      Stepper stepper, OrdinaryDifferentialEquation ode, double[] y0, double to, long[] steps) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] sample = new double[y0.length];
    Stepper.Listener listener =
        step -> {
          steps[0]++;
          step.stateAt((step.start() + step.end()) / 2, sample);
          return false;
        };
    stepper.integrate(ode, 0, y0.clone(), 1, listener);

    steps[0] = 0;
    double[] y = y0.clone();
    long before = threads.getCurrentThreadAllocatedBytes();
    stepper.integrate(ode, 0, y, to, listener);
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  static Run ownRun(
      Method method,
      OrdinaryDifferentialEquation ode,
      double[] y0,
      double[] times,
      int samplesPerStep,
      int stop) {
    Stepper stepper = method.own().make(y0.length, 1e-12, 100);
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

  static Run hipparchusRun(
      Method method,
      OrdinaryDifferentialEquation ode,
      double[] y0,
      double[] times,
      int samplesPerStep,
      int stop) {
    ODEIntegrator integrator = method.hipparchus().make(1e-12, 100);
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
