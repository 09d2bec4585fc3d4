package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.engine.ClockSchedule.InputClock;
import com.fmugateway.adapter.out.fmi.engine.ClockSchedule.Kind;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Clocks;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Exception;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Fmu;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3Instance;
import com.fmugateway.adapter.out.fmi.fmi3.Fmi3ScheduledExecution;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ClockTiming;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.simulation.model.InputSignal;
import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.StartValue;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Runs one FMI 3.0 scheduled execution: the importer is the scheduler. Periodic input clocks tick
 * every interval from their shift, triggered ones at the times the caller listed, countdown ones
 * once per interval the model announces; at each such time the due model partitions run in priority
 * order, the output clocks that ticked are noted, and one row of outputs is recorded. Counts
 * partition activations as steps and output clock ticks as events.
 */
final class Fmi3ScheduledRunner {

  /** Activation times one run may record: countdowns make their number unknown beforehand. */
  static final int MAX_ACTIVATION_TIMES = 1_000_000;

  private final Fmi3ScheduledExecution fmu;
  private final ModelDescription description;
  private final SimulationPlan plan;
  private final Fmi3Recorder recorder;
  private final RunGuard guard;
  private final ClockSchedule schedule = new ClockSchedule();
  private final List<Periodic> periodic = new ArrayList<>();
  private final List<InputClock> countdowns = new ArrayList<>();
  private final List<ModelVariable> outputClocks = new ArrayList<>();
  private long activations;
  private long ticks;

  private Fmi3ScheduledRunner(
      Fmi3ScheduledExecution fmu,
      ModelDescription description,
      SimulationPlan plan,
      Fmi3Recorder recorder) {
    this.fmu = fmu;
    this.description = description;
    this.plan = plan;
    this.recorder = recorder;
    this.guard = new RunGuard(plan.timeout());
  }

  /** Instantiates the loaded FMU for scheduled execution and runs {@code plan} on it. */
  static RunCounts run(
      Fmi3Fmu fmu,
      ModelDescription description,
      SimulationPlan plan,
      Fmi3Recorder recorder,
      FmuLog log) {
    try (Fmi3ScheduledExecution instance =
        Fmi3Instance.instantiateScheduledExecution(
            fmu,
            "fmugw-" + UUID.randomUUID(),
            description.guid(),
            // Output clocks and countdowns are read after every partition, so the call
            // itself needs no answer.
            () -> {},
            line -> log.add(line.status().name(), line.category(), line.message()))) {
      return new Fmi3ScheduledRunner(instance, description, plan, recorder).run();
    } catch (Fmi3Exception e) {
      log.freeze();
      throw modelError(e.getMessage());
    }
  }

  private RunCounts run() {
    double t0 = plan.startTime();
    for (StartValue start : plan.startValues()) {
      Fmi3Access.write(fmu.values(), start.variable(), start.value());
    }
    applyInputs(t0);
    fmu.enterInitializationMode(OptionalDouble.empty(), t0, OptionalDouble.of(plan.stopTime()));
    fmu.exitInitializationMode();
    readClocks();
    schedulePeriodic(t0);
    scheduleTriggered();
    pollCountdowns(t0);
    if (schedule.isEmpty() || schedule.next() > t0) {
      recorder.sample(fmu.values(), t0);
    }
    while (!schedule.isEmpty()) {
      double t = schedule.next();
      if (recorder.size() >= MAX_ACTIVATION_TIMES) {
        throw new SimulationFailedException(
            Cause.RESOURCE_LIMIT,
            "more than " + MAX_ACTIVATION_TIMES + " clock activation times before t=" + t,
            List.of());
      }
      applyInputs(t);
      for (InputClock clock = schedule.take(t); clock != null; clock = schedule.take(t)) {
        guard.check();
        activate(clock, t);
      }
      recorder.sample(fmu.values(), t);
    }
    return new RunCounts(activations, ticks);
  }

  /** Runs one partition, then notes what it ticked and scheduled. */
  private void activate(InputClock clock, double t) {
    fmu.activateModelPartition(clock.valueReference(), t);
    activations++;
    if (clock.kind() == Kind.PERIODIC) {
      for (Periodic p : periodic) {
        if (p.clock.equals(clock)) {
          p.index++;
          scheduleUpTo(p.time(), clock, p.interval);
        }
      }
    }
    if (!outputClocks.isEmpty()) {
      boolean[] active = fmu.clocks().get(references(outputClocks));
      for (int k = 0; k < active.length; k++) {
        if (active[k]) {
          recorder.tick(outputClocks.get(k).name(), t);
          ticks++;
        }
      }
    }
    pollCountdowns(t);
  }

  private void readClocks() {
    for (ModelVariable variable : description.variables()) {
      if (variable.type() != VariableType.CLOCK) {
        continue;
      }
      if (variable.causality() == Causality.OUTPUT) {
        outputClocks.add(variable);
        recorder.clock(variable.name());
        continue;
      }
      if (variable.causality() != Causality.INPUT) {
        continue;
      }
      ClockTiming timing = variable.clock().orElseThrow();
      InputClock clock =
          new InputClock(
              variable.name(),
              Math.toIntExact(variable.valueReference()),
              timing.priority().orElse(0),
              kind(timing));
      switch (clock.kind()) {
        case PERIODIC -> periodic.add(periodic(clock, timing));
        case COUNTDOWN -> countdowns.add(clock);
        case TRIGGERED -> {}
      }
    }
  }

  private static Kind kind(ClockTiming timing) {
    return switch (timing.intervalVariability()) {
      case "triggered" -> Kind.TRIGGERED;
      case "countdown" -> Kind.COUNTDOWN;
      default -> Kind.PERIODIC;
    };
  }

  /** Interval and shift as the description states them, else as the FMU reports them. */
  private Periodic periodic(InputClock clock, ClockTiming timing) {
    double interval =
        timing.interval().isPresent()
            ? timing.interval().getAsDouble()
            : fmu.clocks().interval(clock.valueReference()).seconds();
    double shift =
        timing.shift().isPresent()
            ? timing.shift().getAsDouble()
            : fmu.clocks().shifts(clock.valueReference())[0];
    if (!(interval > 0) || !Double.isFinite(interval) || !(shift >= 0)) {
      throw modelError(
          "periodic clock " + clock.name() + " has interval " + interval + " and shift " + shift);
    }
    return new Periodic(clock, interval, shift);
  }

  private void schedulePeriodic(double t0) {
    for (Periodic p : periodic) {
      p.first = t0 + p.shift;
      scheduleUpTo(p.time(), p.clock, p.interval);
    }
  }

  private void scheduleTriggered() {
    plan.clockTicks()
        .forEach(
            (name, times) -> {
              ModelVariable variable =
                  description
                      .variable(name)
                      .orElseThrow(() -> modelError("no clock named " + name));
              ClockTiming timing = variable.clock().orElseThrow();
              InputClock clock =
                  new InputClock(
                      name,
                      Math.toIntExact(variable.valueReference()),
                      timing.priority().orElse(0),
                      Kind.TRIGGERED);
              times.forEach(t -> schedule.add(t, clock));
            });
  }

  /** Schedules each countdown clock the model set since the last look, from {@code t}. */
  private void pollCountdowns(double t) {
    if (countdowns.isEmpty()) {
      return;
    }
    Fmi3Clocks.Interval[] intervals = fmu.clocks().intervals(references(countdowns));
    for (int k = 0; k < intervals.length; k++) {
      if (intervals[k].qualifier() != Fmi3Clocks.Qualifier.CHANGED) {
        continue;
      }
      double interval = intervals[k].seconds();
      if (!(interval >= 0) || !Double.isFinite(interval)) {
        throw modelError(
            "countdown clock " + countdowns.get(k).name() + " has interval " + interval);
      }
      scheduleUpTo(t + interval, countdowns.get(k), interval);
    }
  }

  /** Adds the activation unless it is past the stop time, allowing for rounding at the stop. */
  private void scheduleUpTo(double time, InputClock clock, double interval) {
    double stop = plan.stopTime();
    if (time > stop && time - stop <= 1e-9 * Math.max(interval, Math.ulp(stop))) {
      time = stop;
    }
    if (time <= stop) {
      schedule.add(time, clock);
    }
  }

  private void applyInputs(double t) {
    for (InputSignal signal : plan.inputs()) {
      ModelVariable variable =
          description
              .variable(signal.name())
              .orElseThrow(() -> modelError("no variable " + signal.name()));
      Fmi3Access.write(fmu.values(), variable, signal.valueAt(t));
    }
  }

  private static int[] references(List<?> clocks) {
    return clocks.stream()
        .mapToInt(
            c ->
                c instanceof InputClock input
                    ? input.valueReference()
                    : Math.toIntExact(((ModelVariable) c).valueReference()))
        .toArray();
  }

  private static SimulationFailedException modelError(String message) {
    return new SimulationFailedException(Cause.MODEL_ERROR, message, List.of());
  }

  /** A periodic clock's timing; its n-th tick is computed from the first, so it has no drift. */
  private static final class Periodic {
    final InputClock clock;
    final double interval;
    final double shift;
    double first;
    long index;

    Periodic(InputClock clock, double interval, double shift) {
      this.clock = clock;
      this.interval = interval;
      this.shift = shift;
    }

    double time() {
      return first + index * interval;
    }
  }
}
