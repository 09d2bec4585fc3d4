package com.fmugateway.adapter.out.fmi.engine;

import static com.fmugateway.adapter.out.fmi.engine.StepLoops.DORMAND_PRINCE;
import static com.fmugateway.adapter.out.fmi.engine.StepLoops.ROSENBROCK;
import static com.fmugateway.adapter.out.fmi.engine.TestOdes.ode;
import static com.fmugateway.adapter.out.fmi.engine.TestOdes.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.engine.StepLoops.Method;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.junit.jupiter.api.Test;

/**
 * Each of the engine's steppers with {@link StateEvents} finds the state events that the Hipparchus
 * integrator it ports finds with the engine's event detectors (Dormand–Prince's, the old Rosenbrock
 * integrator's), as the engine drives both (every event stops the integration, the model resets its
 * states, integration restarts from there): the same events, steps, samples and segment ends to the
 * last bit when both take {@code FastMath.pow}; and no allocation in a step that holds no event.
 */
class StateEventsTest {

  /** A ball falling under gravity: height, velocity. */
  private static final OrdinaryDifferentialEquation BALL =
      ode(
          2,
          (t, y, d) -> {
            d[0] = y[1];
            d[1] = -9.81;
          });

  /** The Reference FMUs' BouncingBall event: on the ground, moving down, it bounces. */
  private static final Reset BOUNCE =
      (t, y) -> {
        if (y[0] <= 0 && y[1] < 0) {
          y[0] = 0; // its indicator is exactly zero where the integration restarts
          y[1] = -0.7 * y[1];
        }
      };

  /** The bounces: one indicator, zero where each restart begins. */
  private static final Scenario ONE =
      new Scenario(
          BALL, new double[] {1, 0}, new double[] {0, 2.2}, 0.01, new G[] {(t, y) -> y[0]});

  /**
   * The bounces, the apex of each flight (velocity changing sign), and a fast clock whose sign
   * changes several times a step, checked only every 0.5 s: some of its roots are found only when
   * another indicator's event makes the others advance to it.
   */
  private static final Scenario THREE =
      new Scenario(
          BALL,
          new double[] {1, 0},
          new double[] {0, 1.3, 2.2},
          0.5,
          new G[] {(t, y) -> y[0], (t, y) -> y[1], (t, y) -> Math.sin(23 * t)});

  @Test
  void aBouncingBallsEventsAreHipparchusOwnToTheLastBit() {
    Run own = sameAsHipparchus(DORMAND_PRINCE, ONE);

    assertThat(own.events).hasSizeGreaterThan(4);
  }

  @Test
  void severalIndicatorsTakeTheirTurnsAsInHipparchus() {
    Run own = sameAsHipparchus(DORMAND_PRINCE, THREE);

    assertThat(own.events).hasSizeGreaterThan(20);
  }

  @Test
  void inTheRosenbrockMethodsStepsTooTheEventsAreTheHipparchusIntegratorsToTheLastBit() {
    // On its cubic Hermite dense output instead of Dormand–Prince's quartic.
    assertThat(sameAsHipparchus(ROSENBROCK, ONE).events).hasSizeGreaterThan(4);
    assertThat(sameAsHipparchus(ROSENBROCK, THREE).events).hasSizeGreaterThan(15);
  }

  @Test
  void anIndicatorThatTouchesZeroWithoutChangingSignIsNoEventInEitherLoop() {
    // (t - 1)² is zero exactly where a segment ends and the next starts: Hipparchus' special cases
    // for a zero at a step's end and at a restart, and no event, in both.
    Scenario touch =
        new Scenario(
            BALL,
            new double[] {100, 0},
            new double[] {0, 1, 2},
            0.1,
            new G[] {(t, y) -> (t - 1) * (t - 1), (t, y) -> y[0] - 90});

    Run own = sameAsHipparchus(DORMAND_PRINCE, touch);

    assertThat(own.events).hasSize(1); // the height passing 90, not the touch
  }

  @Test
  void aStepWithoutAnEventAllocatesNothing() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    OrdinaryDifferentialEquation oscillator =
        ode(
            2,
            (t, y, d) -> {
              d[0] = y[1];
              d[1] = -y[0];
            });
    DormandPrince54Stepper stepper = new DormandPrince54Stepper(2, 1e-12, 100, 1e-10, 1e-10);
    StateEvents events = new StateEvents((t, y, i) -> y[i] + 2, 2, 2, 0.01); // never below 1
    long[] steps = new long[1];
    Stepper.Listener listener =
        step -> {
          steps[0]++;
          return events.inStep(step) || events.afterStepEnd();
        };
    double[] y = {1, 0};
    events.startSegment();
    stepper.integrate(oscillator, 0, y, 1, listener); // classes loaded, the lambdas made

    steps[0] = 0;
    events.startSegment();
    long before = threads.getCurrentThreadAllocatedBytes();
    stepper.integrate(oscillator, 0, y, 500, listener);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(steps[0]).isGreaterThan(10_000);
    assertThat(allocated).isLessThan(1024);
  }

  /** Our loop's run of {@code scenario}, once checked equal to Hipparchus' to the last bit. */
  private static Run sameAsHipparchus(Method method, Scenario scenario) {
    Run own = ownRun(method, scenario);
    assertSame(own, hipparchusRun(method, scenario));
    return own;
  }

  private static void assertSame(Run own, Run hipparchus) {
    assertRows("event", own.events, hipparchus.events);
    assertRows("step", own.steps, hipparchus.steps);
    assertRows("sample", own.samples, hipparchus.samples);
    assertRows("segment end", own.ends, hipparchus.ends);
  }

  private static void assertRows(String what, List<double[]> own, List<double[]> hipparchus) {
    for (int i = 0; i < Math.min(own.size(), hipparchus.size()); i++) {
      assertThat(own.get(i)).as("%s %d", what, i).containsExactly(hipparchus.get(i));
    }
    assertThat(own).as("%ss", what).hasSameSizeAs(hipparchus);
  }

  /** An event indicator. */
  private interface G {
    double at(double t, double[] y);
  }

  /** What the model does to its states at an event, in place. */
  private interface Reset {
    void apply(double t, double[] y);
  }

  /**
   * An ODE from {@code y0} over segments ending at {@code times} (after the first), sampled every
   * {@code interval}, which is also the indicators' longest check, as the engine does both.
   */
  private record Scenario(
      OrdinaryDifferentialEquation ode, double[] y0, double[] times, double interval, G[] g) {

    StateEvents.Indicators indicators() {
      return (t, y, i) -> g[i].at(t, y);
    }
  }

  /**
   * Each event as {time, state...}, each step as {start, end, end state...}, the samples, and each
   * integration's end as {time, state...}.
   */
  private record Run(
      List<double[]> events, List<double[]> steps, List<double[]> samples, List<double[]> ends) {
    Run() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  /** The output times, one after another. */
  private static final class Grid {
    private final double interval;
    private int next;

    Grid(double interval) {
      this.interval = interval;
    }

    /** The next output time, if it comes before {@code end}. */
    boolean dueBefore(double end) {
      return next * interval < end;
    }

    double take() {
      return next++ * interval;
    }
  }

  private static Run ownRun(Method method, Scenario scenario) {
    int n = scenario.y0.length;
    Stepper stepper = method.own().make(n, 1e-12, 100);
    StateEvents events =
        new StateEvents(scenario.indicators(), scenario.g.length, n, scenario.interval);
    Run run = new Run();
    Grid grid = new Grid(scenario.interval);
    boolean[] hit = new boolean[1];
    Stepper.Listener listener =
        step -> {
          if (events.inStep(step)) {
            return stopAtEvent(step, events, grid, run, hit);
          }
          sample(step, step.end(), grid, run);
          run.steps.add(row(step.start(), step.end(), step.endState()));
          return events.afterStepEnd() && stopAtEvent(step, events, grid, run, hit);
        };
    double[] y = scenario.y0.clone();
    double t = scenario.times[0];
    for (int s = 1; s < scenario.times.length; s++) {
      double end = scenario.times[s];
      while (end - t > 1e-9) {
        hit[0] = false;
        events.startSegment();
        t = stepper.integrate(scenario.ode, t, y, end, listener);
        run.ends.add(row(t, y));
        if (hit[0]) {
          BOUNCE.apply(t, y);
        }
      }
    }
    return run;
  }

  private static boolean stopAtEvent(
      Stepper step, StateEvents events, Grid grid, Run run, boolean[] hit) {
    sample(step, events.eventTime(), grid, run);
    run.events.add(row(events.eventTime(), step.stateAt(events.eventTime(), new double[2])));
    hit[0] = true;
    step.stopAt(events.stopTime());
    return true;
  }

  private static void sample(Stepper step, double end, Grid grid, Run run) {
    while (grid.dueBefore(end)) {
      double at = grid.take();
      run.samples.add(row(at, step.stateAt(at, new double[step.endState().length])));
    }
  }

  private static Run hipparchusRun(Method method, Scenario scenario) {
    int n = scenario.y0.length;
    ODEIntegrator integrator = method.hipparchus().make(1e-12, 100);
    Run run = new Run();
    Grid grid = new Grid(scenario.interval);
    boolean[] hit = new boolean[1];
    double[] stepStart = new double[1];
    for (int i = 0; i < scenario.g.length; i++) {
      integrator.addEventDetector(
          new IndicatorDetector(
              scenario.indicators(),
              i,
              scenario.interval,
              (state, detector, increasing) -> {
                run.events.add(row(state.getTime(), state.getPrimaryState()));
                hit[0] = true;
                return Action.STOP;
              }));
    }
    integrator.addStepHandler(
        step -> {
          double from = step.getPreviousState().getTime();
          double to = step.getCurrentState().getTime();
          if (hit[0] || to == from) {
            return; // after the event, or the part of no length after a step-end handler
          }
          stepStart[0] = from;
          while (grid.dueBefore(to)) {
            double at = grid.take();
            run.samples.add(row(at, HipparchusDormandPrince54.stateAt(step, at, new double[n])));
          }
        });
    integrator.addStepEndHandler(
        (state, forward) -> {
          run.steps.add(row(stepStart[0], state.getTime(), state.getPrimaryState()));
          return Action.CONTINUE;
        });
    double[] y = scenario.y0.clone();
    double t = scenario.times[0];
    for (int s = 1; s < scenario.times.length; s++) {
      double end = scenario.times[s];
      while (end - t > 1e-9) {
        hit[0] = false;
        ODEStateAndDerivative last = integrator.integrate(scenario.ode, new ODEState(t, y), end);
        t = last.getTime();
        y = last.getPrimaryState();
        run.ends.add(row(t, y));
        if (hit[0]) {
          BOUNCE.apply(t, y);
        }
      }
    }
    return run;
  }
}
