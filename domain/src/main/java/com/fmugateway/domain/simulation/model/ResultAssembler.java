package com.fmugateway.domain.simulation.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a result streamed in {@link ResultLayout#ROWS} back together, for callers that keep it whole
 * (async runs, experiment cases). Not thread-safe: one per run.
 */
public final class ResultAssembler {

  private final List<double[]> times = new ArrayList<>();
  private final Map<String, List<Column>> columns = new LinkedHashMap<>();
  private long samples;

  /** Adds the next chunk; its columns must be the same in every chunk. */
  public void add(ResultPart.Chunk chunk) {
    times.add(chunk.time());
    samples += chunk.time().length;
    for (Column column : chunk.columns()) {
      columns.computeIfAbsent(column.name(), name -> new ArrayList<>()).add(column);
    }
  }

  /** The whole result, with what {@code end} reports. */
  public SimulationResult finish(ResultPart.End end) {
    int n = Math.toIntExact(samples);
    double[] time = new double[n];
    int at = 0;
    for (double[] slice : times) {
      System.arraycopy(slice, 0, time, at, slice.length);
      at += slice.length;
    }
    List<Column> whole = new ArrayList<>(columns.size());
    columns.forEach((name, slices) -> whole.add(concat(name, slices, n)));
    return new SimulationResult(
        time,
        whole,
        end.steps(),
        end.events(),
        end.cpuTime(),
        end.fmuLog(),
        end.clockEvents(),
        end.solverStatistics(),
        Set.of());
  }

  private static Column concat(String name, List<Column> slices, int n) {
    Column first = slices.get(0);
    if (first instanceof Column.Real) {
      double[] values = new double[n];
      int at = 0;
      for (Column slice : slices) {
        double[] part = ((Column.Real) slice).values();
        System.arraycopy(part, 0, values, at, part.length);
        at += part.length;
      }
      return new Column.Real(name, values);
    }
    if (first instanceof Column.Integer) {
      int[] values = new int[n];
      int at = 0;
      for (Column slice : slices) {
        int[] part = ((Column.Integer) slice).values();
        System.arraycopy(part, 0, values, at, part.length);
        at += part.length;
      }
      return new Column.Integer(name, values);
    }
    if (first instanceof Column.Whole whole) {
      long[] values = new long[n];
      int at = 0;
      for (Column slice : slices) {
        long[] part = ((Column.Whole) slice).values();
        System.arraycopy(part, 0, values, at, part.length);
        at += part.length;
      }
      return new Column.Whole(name, values, whole.unsigned());
    }
    if (first instanceof Column.Bool) {
      boolean[] values = new boolean[n];
      int at = 0;
      for (Column slice : slices) {
        boolean[] part = ((Column.Bool) slice).values();
        System.arraycopy(part, 0, values, at, part.length);
        at += part.length;
      }
      return new Column.Bool(name, values);
    }
    List<String> values = new ArrayList<>(n);
    slices.forEach(slice -> values.addAll(((Column.Text) slice).values()));
    return new Column.Text(name, values);
  }
}
