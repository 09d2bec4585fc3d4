package com.fmugateway.domain.simulation.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a simulator returns: sample times, one column per requested output, how much work it took
 * ({@code steps}: integrator or co-simulation steps; {@code events}: handled events) and the
 * messages the FMU logged (capped by the simulator). {@code clockEvents}: for a scheduled execution
 * run, the times each output clock ticked, by clock name; empty for other runs. {@code
 * solverStatistics}: model exchange runs only. {@code arrays}: the array variables among the
 * outputs, whose elements are the columns {@code name[1]}, {@code name[2]} … (1-based, row-major),
 * so that JSON can show one array per sample.
 */
public record SimulationResult(
    double[] time,
    List<Column> columns,
    long steps,
    long events,
    Duration cpuTime,
    List<String> fmuLog,
    Map<String, List<Double>> clockEvents,
    Optional<SolverStatistics> solverStatistics,
    Set<String> arrays) {

  public SimulationResult {
    arrays = Collections.unmodifiableSet(new LinkedHashSet<>(arrays));
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

  /**
   * This result, its columns named {@code a[k]} for each array output {@code a} in {@code arrays}.
   */
  public SimulationResult withArrays(Set<String> arrays) {
    return new SimulationResult(
        time, columns, steps, events, cpuTime, fmuLog, clockEvents, solverStatistics, arrays);
  }

  /** The array output whose element {@code column} is, if it is one. */
  public Optional<String> arrayOf(Column column) {
    String name = column.name();
    int open = name.lastIndexOf('[');
    if (open <= 0 || !name.endsWith("]") || !arrays.contains(name.substring(0, open))) {
      return Optional.empty();
    }
    return Optional.of(name.substring(0, open));
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
        && solverStatistics.equals(r.solverStatistics)
        && arrays.equals(r.arrays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(time), columns, steps, events);
  }
}
