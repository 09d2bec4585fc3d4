package com.fmugateway.domain.simulation.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a simulator returns: sample times, one column per requested output, how much work it took
 * ({@code steps}: integrator or co-simulation steps; {@code events}: handled events) and the
 * messages the FMU logged (capped by the simulator). {@code clockEvents}: for a scheduled execution
 * run, the times each output clock ticked, by clock name; empty for other runs. {@code
 * solverStatistics}: model exchange runs only.
 */
public record SimulationResult(
    double[] time,
    List<Column> columns,
    long steps,
    long events,
    Duration cpuTime,
    List<String> fmuLog,
    Map<String, List<Double>> clockEvents,
    Optional<SolverStatistics> solverStatistics) {

  public SimulationResult {
    Objects.requireNonNull(time, "time");
    columns = List.copyOf(columns);
    Objects.requireNonNull(cpuTime, "cpuTime");
    fmuLog = List.copyOf(fmuLog);
    Map<String, List<Double>> ticked = new LinkedHashMap<>();
    clockEvents.forEach((clock, times) -> ticked.put(clock, List.copyOf(times)));
    clockEvents = Collections.unmodifiableMap(ticked);
    Objects.requireNonNull(solverStatistics, "solverStatistics");
    for (Column column : columns) {
      if (column.size() != time.length) {
        throw new IllegalArgumentException(
            "column "
                + column.name()
                + " has "
                + column.size()
                + " samples, time has "
                + time.length);
      }
    }
  }

  /** A result without solver statistics. */
  public SimulationResult(
      double[] time,
      List<Column> columns,
      long steps,
      long events,
      Duration cpuTime,
      List<String> fmuLog,
      Map<String, List<Double>> clockEvents) {
    this(time, columns, steps, events, cpuTime, fmuLog, clockEvents, Optional.empty());
  }

  /** A result without clock events or solver statistics. */
  public SimulationResult(
      double[] time,
      List<Column> columns,
      long steps,
      long events,
      Duration cpuTime,
      List<String> fmuLog) {
    this(time, columns, steps, events, cpuTime, fmuLog, Map.of(), Optional.empty());
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimulationResult r
        && Arrays.equals(time, r.time)
        && columns.equals(r.columns)
        && steps == r.steps
        && events == r.events
        && clockEvents.equals(r.clockEvents)
        && solverStatistics.equals(r.solverStatistics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(time), columns, steps, events);
  }
}
