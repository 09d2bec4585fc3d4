package com.fmugateway.domain.simulation.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A piece of a result as it streams from a simulator: {@link Chunk}s of samples in the order of a
 * {@link ResultLayout}, then one {@link End} with what the run cost and logged. A run that fails
 * ends with an error instead, possibly after some chunks.
 */
public sealed interface ResultPart {

  /**
   * Samples: their times and, for those samples, the values of some columns (none: a chunk of the
   * time axis alone).
   */
  record Chunk(double[] time, List<Column> columns) implements ResultPart {
    public Chunk {
      Objects.requireNonNull(time, "time");
      columns = List.copyOf(columns);
      for (Column column : columns) {
        if (column.size() != time.length) {
          throw new IllegalArgumentException(
              "column " + column.name() + " has " + column.size() + " of " + time.length);
        }
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Chunk c && Arrays.equals(time, c.time) && columns.equals(c.columns);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(time) + columns.hashCode();
    }
  }

  /**
   * The run finished: its work, CPU time, FMU log, clock events and solver statistics (see
   * SimulationResult).
   */
  record End(
      long steps,
      long events,
      Duration cpuTime,
      List<String> fmuLog,
      Map<String, List<Double>> clockEvents,
      Optional<SolverStatistics> solverStatistics)
      implements ResultPart {
    public End {
      Objects.requireNonNull(cpuTime, "cpuTime");
      Objects.requireNonNull(solverStatistics, "solverStatistics");
      fmuLog = List.copyOf(fmuLog);
      clockEvents = Collections.unmodifiableMap(new LinkedHashMap<>(clockEvents));
    }
  }

  /**
   * A whole result as the parts of {@code layout}, at most {@code chunkSamples} samples a chunk;
   * the elements of each array in {@code arrays} travel together. Every column (and the time axis)
   * has at least one chunk, empty for a result without samples.
   */
  static List<ResultPart> split(
      SimulationResult result, ResultLayout layout, Set<String> arrays, int chunkSamples) {
    return split(result, layout, arrays, chunkSamples, 0);
  }

  /**
   * As {@link #split(SimulationResult, ResultLayout, Set, int)}, for a result whose first {@code
   * timesSent} sample times went out already (layout COLUMNS, as the run went on).
   */
  static List<ResultPart> split(
      SimulationResult result,
      ResultLayout layout,
      Set<String> arrays,
      int chunkSamples,
      int timesSent) {
    if (chunkSamples <= 0) {
      throw new IllegalArgumentException("chunkSamples must be positive: " + chunkSamples);
    }
    List<ResultPart> parts = new ArrayList<>();
    List<List<Column>> groups =
        layout == ResultLayout.ROWS
            ? List.of(result.columns())
            : groups(result.withArrays(arrays), arrays);
    if (layout == ResultLayout.COLUMNS) {
      slices(result.time(), List.of(), timesSent, chunkSamples, parts);
    }
    for (List<Column> group : groups) {
      slices(result.time(), group, 0, chunkSamples, parts);
    }
    parts.add(
        new End(
            result.steps(),
            result.events(),
            result.cpuTime(),
            result.fmuLog(),
            result.clockEvents(),
            result.solverStatistics()));
    return parts;
  }

  /** Each output's columns: one for a scalar, its elements for an array. */
  private static List<List<Column>> groups(SimulationResult result, Set<String> arrays) {
    List<List<Column>> groups = new ArrayList<>();
    String open = null;
    for (Column column : result.columns()) {
      String array = result.arrayOf(column).orElse(null);
      if (array != null && array.equals(open)) {
        groups.get(groups.size() - 1).add(column);
      } else {
        groups.add(new ArrayList<>(List.of(column)));
      }
      open = array;
    }
    return groups;
  }

  private static void slices(
      double[] time, List<Column> columns, int from, int chunkSamples, List<ResultPart> into) {
    int n = time.length;
    do {
      int to = Math.min(n, from + chunkSamples);
      List<Column> sliced = new ArrayList<>(columns.size());
      for (Column column : columns) {
        sliced.add(column.slice(from, to));
      }
      into.add(new Chunk(Arrays.copyOfRange(time, from, to), sliced));
      from = to;
    } while (from < n);
  }
}
