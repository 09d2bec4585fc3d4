package com.fmugateway.adapter.in.http.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fmugateway.domain.simulation.model.Column;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a result holds NaN or ±Infinity, which JSON has no number for. The numeric arrays (and
 * {@code kpis}) carry {@code null} there, so they stay arrays of numbers any client parses; this
 * says what each null stands for, spelt {@code NaN}, {@code Infinity} or {@code -Infinity}: the
 * very spelling CSV results put in their cells. Absent when every value is finite.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(
    description =
        "Present only when a value is NaN or ±Infinity: `results` maps a variable (an array"
            + " variable's element as `x[2]`) to {sample index: spelling}, `kpis` a KPI to its spelling (NaN, Infinity, -Infinity); the value itself"
            + " is null in the numeric array or in kpis. CSV writes the same spellings in its cells.")
public record NonFinite(Map<String, Map<String, String>> results, Map<String, String> kpis) {

  /** How CSV and this map spell a value JSON cannot hold: Java's own, which most parsers read. */
  static String spelling(double value) {
    return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  }

  /** Collects what {@link #values} and {@link #kpis} replaced while the response is built. */
  static final class Builder {

    private final Map<String, Map<String, String>> results = new LinkedHashMap<>();
    private final Map<String, String> kpis = new LinkedHashMap<>();

    /**
     * A Real column as JSON takes it: the primitive array itself when all finite (no boxing of a
     * million samples), else a copy with nulls where the non-finite values were.
     */
    Object values(Column.Real column) {
      double[] values = column.values();
      int first = 0;
      while (first < values.length && Double.isFinite(values[first])) {
        first++;
      }
      if (first == values.length) {
        return values;
      }
      Map<String, String> positions = new LinkedHashMap<>();
      Double[] copy = new Double[values.length];
      for (int i = 0; i < values.length; i++) {
        if (Double.isFinite(values[i])) {
          copy[i] = values[i];
        } else {
          positions.put(Integer.toString(i), spelling(values[i]));
        }
      }
      results.put(column.name(), positions);
      return copy;
    }

    /** Notes that sample {@code index} of variable {@code name} is the non-finite {@code value}. */
    void sample(String name, long index, double value) {
      results
          .computeIfAbsent(name, n -> new LinkedHashMap<>())
          .put(Long.toString(index), spelling(value));
    }

    Map<String, Double> kpis(Map<String, Double> computed) {
      Map<String, Double> out = new LinkedHashMap<>();
      computed.forEach(
          (name, value) -> {
            if (value != null && !Double.isFinite(value)) {
              kpis.put(name, spelling(value));
              out.put(name, null);
            } else {
              out.put(name, value);
            }
          });
      return out;
    }

    NonFinite build() {
      return results.isEmpty() && kpis.isEmpty() ? null : new NonFinite(results, kpis);
    }
  }
}
