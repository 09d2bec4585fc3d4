package com.fmugateway.domain.simulation.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a simulator returns: sample times, one column per requested output, how much work it took
 * ({@code steps}: integrator or co-simulation steps; {@code events}: handled events) and the
 * messages the FMU logged (capped by the simulator).
 */
public record SimulationResult(
    double[] time,
    List<Column> columns,
    long steps,
    long events,
    Duration cpuTime,
    List<String> fmuLog) {

  public SimulationResult {
    Objects.requireNonNull(time, "time");
    columns = List.copyOf(columns);
    Objects.requireNonNull(cpuTime, "cpuTime");
    fmuLog = List.copyOf(fmuLog);
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

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimulationResult r
        && Arrays.equals(time, r.time)
        && columns.equals(r.columns)
        && steps == r.steps
        && events == r.events;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(time), columns, steps, events);
  }
}
