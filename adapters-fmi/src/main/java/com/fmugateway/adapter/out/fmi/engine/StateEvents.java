package com.fmugateway.adapter.out.fmi.engine;

import java.util.PriorityQueue;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver.Interval;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.LocalizedODEFormats;

/**
 * The state events in a {@link Stepper}'s steps, located as Hipparchus locates them for the
 * engine's {@link IndicatorDetector}s: {@code AbstractIntegrator.acceptStep} with one {@code
 * DetectorBasedEventState} per event indicator, ported for what the engine asks of them (forward
 * integration, every state event stopping the integration, a step-end handler after them), in
 * objects made once. A step without a sign change costs each indicator's value at its checks and
 * allocates nothing; a step with one allocates what the root finder does.
 *
 * <p>Each method below is its Hipparchus namesake, in the same order of operations and with the
 * same indicator values at the same times, so the events are Hipparchus' to the last bit
 * (StateEventsTest). One session serves one {@link Stepper#integrate} call: {@link #startSegment}
 * between them, as Hipparchus initialises its event states at each integrate.
 */
final class StateEvents {

  /** The event indicators as functions of a point of the trajectory. */
  interface Indicators {
    /** Indicator {@code index} at time {@code t} and state {@code y}; {@code y} is not kept. */
    double value(double t, double[] y, int index);
  }

  /** What may happen within a step, ordered by its time: an indicator's event, the step's end. */
  private interface Occurrence {
    double eventTime();
  }

  /** The step's end, queued after the events as Hipparchus' {@code StepEndEventState}. */
  private static final class StepEnd implements Occurrence {
    private double time;

    @Override
    public double eventTime() {
      return time;
    }
  }

  private final Indicators indicators;
  private final Indicator[] states;
  private final double maxCheck;
  private final BracketedUnivariateSolver<UnivariateFunction> solver =
      new BracketingNthOrderBrentSolver(1e-14, IndicatorDetector.TIME_ACCURACY, 0, 5);
  // acceptStep's queue; Hipparchus' own type, so events at one time come out in the same order.
  private final PriorityQueue<Occurrence> occurring =
      new PriorityQueue<>((a, b) -> Double.compare(a.eventTime(), b.eventTime()));
  private final StepEnd stepEnd = new StepEnd();
  private final double[] point; // a state inside the step, interpolated
  private Stepper step; // the step being searched
  private boolean initialized;
  private double eventTime;
  private double stopTime;

  /**
   * For {@code count} indicators of a state of {@code dimension}, each checked for sign changes at
   * least every {@code maxCheck} seconds.
   */
  StateEvents(Indicators indicators, int count, int dimension, double maxCheck) {
    this.indicators = indicators;
    this.maxCheck = maxCheck;
    this.point = new double[dimension];
    this.states = new Indicator[count];
    for (int i = 0; i < count; i++) {
      states[i] = new Indicator(i);
    }
  }

  /** A new integration starts: indicator values from before are stale (the FMU may have moved). */
  void startSegment() {
    for (Indicator state : states) {
      state.init();
    }
    initialized = false;
  }

  /** Where the part of the step before the event ends: output times before it belong to it. */
  double eventTime() {
    return eventTime;
  }

  /** Where the integration stops, at or just after the event: the indicator's sign has changed. */
  double stopTime() {
    return stopTime;
  }

  /**
   * Searches the accepted step the stepper reports, up to its end: true when a state event stops
   * the integration in it (at {@link #eventTime()} and {@link #stopTime()}), false when the step's
   * end comes first and its step-end handler may run.
   */
  boolean inStep(Stepper accepted) {
    step = accepted;
    if (!initialized) {
      for (Indicator state : states) {
        state.reinitializeBegin();
      }
      initialized = true;
    }
    occurring.clear();
    for (Indicator state : states) {
      if (state.evaluateStep()) {
        occurring.add(state);
      }
    }
    stepEnd.time = step.end();
    occurring.add(stepEnd);
    return firstEvent();
  }

  /**
   * After the step-end handler let the integration go on: true when an indicator, advanced to the
   * step's end once more, finds an event there after all (Hipparchus' last pass of {@code
   * tryAdvance}; only a sign change it could not locate before, such as a zero at the step's end).
   */
  boolean afterStepEnd() {
    for (Indicator state : states) {
      if (state.tryAdvance(step.end(), step.endState())) {
        occurring.add(state);
      }
    }
    return firstEvent();
  }

  /**
   * acceptStep's event loop: the chronologically first occurrence, unless advancing the other
   * indicators to its time shows one of them changing sign before it.
   */
  private boolean firstEvent() {
    next:
    while (!occurring.isEmpty()) {
      Occurrence current = occurring.poll();
      double time = current.eventTime();
      for (Indicator state : states) {
        if (state != current && state.tryAdvance(time, null)) {
          occurring.remove(state);
          occurring.add(state);
          occurring.add(current);
          continue next;
        }
      }
      if (current == stepEnd) {
        occurring.clear();
        return false;
      }
      eventTime = time;
      stopTime = ((Indicator) current).doEvent(time);
      occurring.clear();
      return true;
    }
    return false;
  }

  /** The state at {@code t} from the step's dense output, in a shared array. */
  private double[] interpolated(double t) {
    return step.stateAt(t, point);
  }

  private static void check(boolean condition) {
    if (!condition) {
      throw MathRuntimeException.createInternalError();
    }
  }

  /** Hipparchus' {@code DetectorBasedEventState} for one indicator, forward only. */
  private final class Indicator implements Occurrence {

    private final int index;
    private final UnivariateFunction f = this::gInterpolated;
    private double lastT;
    private double lastG;
    private double t0 = Double.NaN;
    private double g0 = Double.NaN;
    private boolean g0Positive = true;
    private boolean pendingEvent;
    private double pendingEventTime = Double.NaN;
    private double stopTime;
    private double afterEvent = Double.NaN;
    private double afterG = Double.NaN;
    private double earliestTimeConsidered = Double.NaN;
    private boolean increasing = true;

    private Indicator(int index) {
      this.index = index;
    }

    void init() {
      lastT = Double.NEGATIVE_INFINITY;
      lastG = Double.NaN;
    }

    /** The indicator at {@code (t, y)}, or with {@code y} null at {@code t} interpolated. */
    private double g(double t, double[] y) {
      if (t != lastT) {
        lastG = indicators.value(t, y == null ? interpolated(t) : y, index);
        lastT = t;
      }
      return lastG;
    }

    private double gInterpolated(double t) {
      return g(t, null);
    }

    void reinitializeBegin() {
      t0 = step.start();
      g0 = g(t0, step.startState());
      while (g0 == 0) {
        // A zero exactly where the integration starts (a restart at an event): the sign just after
        // it counts, so the event is not found again.
        double tStart = t0 + 0.5 * solver.getAbsoluteAccuracy();
        if (tStart == t0) {
          tStart = nextAfter(t0);
        }
        t0 = tStart;
        g0 = g(tStart, null);
      }
      g0Positive = g0 > 0;
      increasing = g0Positive;
    }

    boolean evaluateStep() {
      double t1 = step.end();
      double dt = t1 - t0;
      if (Math.abs(dt) < solver.getAbsoluteAccuracy()) {
        pendingEvent = false;
        pendingEventTime = Double.NaN;
        return false;
      }
      double ta = t0;
      double ga = g0;
      // nextCheck: from the step's start to its end in whole parts no longer than maxCheck
      double done = step.start();
      boolean atEnd = false;
      while (!atEnd) {
        double remaining = t1 - done;
        int n = Math.max(1, (int) Math.ceil(Math.abs(remaining) / maxCheck));
        double tb;
        double gb;
        if (n == 1) {
          tb = t1;
          gb = g(t1, step.endState());
          atEnd = true;
        } else {
          tb = done + remaining / n;
          gb = g(tb, null);
        }
        done = tb;
        if (gb == 0.0 || (g0Positive ^ (gb > 0))) {
          if (findRoot(ta, ga, tb, gb)) {
            return true;
          }
        } else {
          ta = tb;
          ga = gb;
        }
      }
      pendingEvent = false;
      pendingEventTime = Double.NaN;
      return false;
    }

    private boolean findRoot(double ta, double ga, double tb, double gb) {
      check(ga == 0.0 || gb == 0.0 || (ga > 0.0 && gb < 0.0) || (ga < 0.0 && gb > 0.0));
      double accuracy = solver.getAbsoluteAccuracy();
      double loopT = ta;
      double loopG = ga;
      double beforeRootT = Double.NaN;
      double beforeRootG = Double.NaN;
      double afterRootT = ta;
      double afterRootG = 0.0;
      if (ta == tb) {
        beforeRootT = ta;
        beforeRootG = ga;
        afterRootT = shiftedBy(beforeRootT, accuracy);
        afterRootG = f.value(afterRootT);
      } else if (ga != 0.0 && gb == 0.0) {
        beforeRootT = tb;
        beforeRootG = gb;
        afterRootT = shiftedBy(beforeRootT, accuracy);
        afterRootG = f.value(afterRootT);
      } else if (ga != 0.0) {
        double newGa = f.value(ta);
        if (ga > 0 != newGa > 0) {
          double nextT = Math.min(shiftedBy(ta, accuracy), tb);
          double nextG = f.value(nextT);
          if (nextG > 0.0 == g0Positive) {
            loopT = nextT;
            loopG = nextG;
          } else {
            beforeRootT = ta;
            beforeRootG = newGa;
            afterRootT = nextT;
            afterRootG = nextG;
          }
        }
      }
      // skips "fake" roots, where g and its derivative are both 0
      while ((afterRootG == 0.0 || afterRootG > 0.0 == g0Positive) && afterRootT < tb) {
        if (loopG == 0.0) {
          beforeRootT = loopT;
          beforeRootG = loopG;
          afterRootT = Math.min(shiftedBy(beforeRootT, accuracy), tb);
          afterRootG = f.value(afterRootT);
        } else {
          Interval interval;
          try {
            interval = solver.solveInterval(IndicatorDetector.MAX_ITERATIONS, f, loopT, tb);
          } catch (RuntimeException e) { // as Hipparchus wraps any failure of its solver
            throw new MathIllegalStateException(
                e,
                LocalizedODEFormats.FIND_ROOT,
                "event indicator " + index,
                loopT,
                loopG,
                tb,
                gb,
                lastT,
                lastG);
          }
          beforeRootT = interval.getLeftAbscissa();
          beforeRootG = interval.getLeftValue();
          afterRootT = interval.getRightAbscissa();
          afterRootG = interval.getRightValue();
        }
        if (beforeRootT == afterRootT) {
          afterRootT = nextAfter(afterRootT);
          afterRootG = f.value(afterRootT);
        }
        check(afterRootT > beforeRootT);
        loopT = afterRootT;
        loopG = afterRootG;
      }
      if (afterRootG == 0.0 || afterRootG > 0.0 == g0Positive) {
        return false; // no crossing in this step after all
      }
      check(!Double.isNaN(beforeRootT) && !Double.isNaN(beforeRootG));
      increasing = !g0Positive;
      pendingEventTime = beforeRootT;
      stopTime = beforeRootG == 0.0 ? beforeRootT : afterRootT;
      pendingEvent = true;
      afterEvent = afterRootT;
      afterG = afterRootG;
      check(afterG > 0 == increasing);
      check(increasing == gb >= ga);
      return true;
    }

    @Override
    public double eventTime() {
      return pendingEvent ? pendingEventTime : Double.POSITIVE_INFINITY;
    }

    /**
     * Advances to {@code t} ({@code y} there, or null: interpolated); true if an event is first.
     */
    boolean tryAdvance(double t, double[] y) {
      check(!pendingEvent || !(pendingEventTime < t));
      boolean meFirst;
      if (t < earliestTimeConsidered) {
        meFirst = false;
      } else {
        double g = g(t, y);
        boolean positive = g > 0;
        if (positive == g0Positive) {
          g0 = g;
          meFirst = false;
        } else {
          double oldPendingEventTime = pendingEventTime;
          boolean foundRoot = findRoot(t0, g0, t, g);
          meFirst =
              foundRoot
                  && (Double.isNaN(oldPendingEventTime) || oldPendingEventTime != pendingEventTime);
        }
      }
      if (!meFirst) {
        t0 = t;
      }
      return meFirst;
    }

    /** The event at {@code time} happens (the engine's handler stops); returns the stop time. */
    double doEvent(double time) {
      check(pendingEvent);
      check(Math.abs(time - pendingEventTime) <= Math.ulp(time));
      pendingEvent = false;
      pendingEventTime = Double.NaN;
      earliestTimeConsidered = afterEvent;
      t0 = afterEvent;
      g0 = afterG;
      g0Positive = increasing;
      check(g0 == 0.0 || g0Positive == (g0 > 0));
      return stopTime;
    }

    private double shiftedBy(double t, double delta) {
      double ret = t + delta;
      return ret - t > delta ? Math.nextDown(ret) : ret;
    }

    private double nextAfter(double t) {
      return Math.nextUp(t);
    }
  }
}
