package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results small enough for a model's context: the final value of every variable and at most
 * {@code maxRows} rows, evenly spread over the run with the first and last sample always among
 * them. The full result is one CSV request away.
 */
final class CompactResult {

  /** The most rows a tool answer carries. */
  static final int MAX_ROWS = 200;

  private CompactResult() {}

  static Map<String, Object> finalValues(SimulationResult result) {
    Map<String, Object> values = new LinkedHashMap<>();
    int last = result.time().length - 1;
    if (last < 0) {
      return values;
    }
    values.put("time", result.time()[last]);
    for (Column column : result.columns()) {
      values.put(column.name(), column.valueAt(last));
    }
    return values;
  }

  /** {@code {"columns": [time, …], "rows": [[…], …], "total_rows": n}}, or null for no rows. */
  static Map<String, Object> table(SimulationResult result, int maxRows) {
    int n = result.time().length;
    if (maxRows == 0 || n == 0) {
      return null;
    }
    List<String> names = new ArrayList<>();
    names.add("time");
    result.columns().forEach(c -> names.add(c.name()));
    List<List<Object>> rows = new ArrayList<>();
    for (int index : indices(n, maxRows)) {
      List<Object> row = new ArrayList<>(names.size());
      row.add(result.time()[index]);
      for (Column column : result.columns()) {
        row.add(column.valueAt(index));
      }
      rows.add(row);
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", names);
    table.put("rows", rows);
    table.put("total_rows", n);
    table.put("downsampled", rows.size() < n);
    return table;
  }

  /** {@code count} of the indices 0..n-1, evenly spread, first and last included. */
  static int[] indices(int n, int count) {
    if (n <= count) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    if (count == 1) {
      return new int[] {n - 1};
    }
    int[] picked = new int[count];
    for (int k = 0; k < count; k++) {
      picked[k] = (int) Math.round((double) k * (n - 1) / (count - 1));
    }
    return picked;
  }
}
