package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelVariable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fully checked run: what the simulator executes. Results are sampled at {@code start + i *
 * outputInterval} for every such time before {@code stop}, plus {@code stop} itself; a scheduled
 * execution run instead records one sample per clock activation time. {@code clockTicks}: the times
 * each triggered input clock fires, by clock name, ascending within start and stop.
 */
public record SimulationPlan(
    FmuInterface fmuInterface,
    double startTime,
    double stopTime,
    double outputInterval,
    List<StartValue> startValues,
    List<InputSignal> inputs,
    List<ModelVariable> outputs,
    Solver solver,
    Duration timeout,
    Map<String, List<Double>> clockTicks) {

  /** Tolerance for "this sample time is the stop time", relative to the interval. */
  private static final double GRID_EPSILON = 1e-9;

  public SimulationPlan {
    Objects.requireNonNull(fmuInterface, "fmuInterface");
    startValues = List.copyOf(startValues);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(solver, "solver");
    Objects.requireNonNull(timeout, "timeout");
    Map<String, List<Double>> ticks = new LinkedHashMap<>();
    clockTicks.forEach((clock, times) -> ticks.put(clock, List.copyOf(times)));
    clockTicks = Collections.unmodifiableMap(ticks);
  }

  /**
   * Number of output samples, start and stop included; {@link Long#MAX_VALUE} when there would be
   * more than a long can count (a cap compares against it, so it must never wrap around).
   */
  public static long sampleCount(double start, double stop, double interval) {
    double samples = Math.ceil((stop - start) / interval - GRID_EPSILON) + 1;
    return samples >= Long.MAX_VALUE || Double.isNaN(samples) ? Long.MAX_VALUE : (long) samples;
  }

  public int sampleCount() {
    return Math.toIntExact(sampleCount(startTime, stopTime, outputInterval));
  }

  /** The i-th output time, computed from the start (never accumulated) so it has no drift. */
  public double sampleTime(int i) {
    return i == sampleCount() - 1 ? stopTime : startTime + i * outputInterval;
  }
}
