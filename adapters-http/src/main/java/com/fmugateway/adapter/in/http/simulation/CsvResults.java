package com.fmugateway.adapter.in.http.simulation;

import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Results as RFC 4180 CSV: a header of {@code time} and the variable names, then one row a sample.
 * A NaN or infinite sample is written {@code NaN}, {@code Infinity} or {@code -Infinity}, the
 * spelling JSON results use in {@code non_finite} (see {@link NonFinite}).
 */
public final class CsvResults {

  /** Rows per emitted chunk: big enough to be cheap, small enough to stream. */
  private static final int ROWS_PER_CHUNK = 4096;

  private CsvResults() {}

  public static Flux<String> of(SimulationResult result) {
    int rows = result.time().length;
    return Flux.range(0, (rows + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK)
        .map(
            chunk ->
                rows(
                    result.time(),
                    result.columns(),
                    chunk * ROWS_PER_CHUNK,
                    Math.min(rows, (chunk + 1) * ROWS_PER_CHUNK)))
        .startWith(header(result.columns()));
  }

  static String header(List<Column> columns) {
    StringBuilder out = new StringBuilder("time");
    for (Column column : columns) {
      out.append(',').append(escape(column.name()));
    }
    return out.append("\r\n").toString();
  }

  /** Rows {@code from} to {@code to} (exclusive) of these samples. */
  static String rows(double[] time, List<Column> columns, int from, int to) {
    StringBuilder out = new StringBuilder((to - from) * 24 * (1 + columns.size()));
    rows(time, columns, from, to, out);
    return out.toString();
  }

  /** Rows {@code from} to {@code to} (exclusive) of these samples, appended to {@code out}. */
  static void rows(double[] time, List<Column> columns, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      Decimals.append(out, time[i]);
      for (Column column : columns) {
        out.append(',');
        if (column instanceof Column.Real real) {
          double value = real.values()[i];
          if (Double.isFinite(value)) {
            Decimals.append(out, value);
          } else {
            out.append(NonFinite.spelling(value));
          }
        } else {
          Object value = column.valueAt(i);
          out.append(value instanceof String s ? escape(s) : String.valueOf(value));
        }
      }
      out.append("\r\n");
    }
  }

  private static String escape(String text) {
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
