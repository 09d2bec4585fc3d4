package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Kpi;
import com.fmugateway.domain.simulation.model.ResultPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KPIs of a streamed result, kept up to date chunk by chunk in constant memory: the same sums, in
 * the same order, as {@link Kpi#of} over the whole result, so both give the very same numbers.
 */
final class KpiTally {

  private final List<Kpi> kpis;
  private final Map<String, Running> byVariable = new LinkedHashMap<>();

  KpiTally(List<Kpi> kpis) {
    this.kpis = List.copyOf(kpis);
    kpis.forEach(kpi -> byVariable.putIfAbsent(kpi.variable(), new Running()));
  }

  /** Takes in the samples of the chunk's columns that have KPIs. */
  void add(ResultPart.Chunk chunk) {
    for (Column column : chunk.columns()) {
      Running running = byVariable.get(column.name());
      if (running == null) {
        continue;
      }
      for (int i = 0; i < column.size(); i++) {
        Object value = column.valueAt(i);
        running.add(
            chunk.time()[i],
            value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue());
      }
    }
  }

  Map<String, Double> values() {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Kpi kpi : kpis) {
      values.put(kpi.name(), byVariable.get(kpi.variable()).value(kpi.kind()));
    }
    return values;
  }

  /** One variable's running statistics. */
  private static final class Running {
    private long n;
    private double firstTime;
    private double firstValue;
    private double lastTime;
    private double lastValue;
    private double min;
    private double max;
    private double peak;
    private double integral;
    private double integralOfSquares;

    void add(double t, double v) {
      if (n == 0) {
        firstTime = t;
        firstValue = v;
        min = v;
        max = v;
        peak = Math.abs(v);
      } else {
        min = Math.min(min, v);
        max = Math.max(max, v);
        peak = Math.max(peak, Math.abs(v));
        double dt = t - lastTime;
        integral += 0.5 * (lastValue + v) * dt;
        integralOfSquares += 0.5 * (lastValue * lastValue + v * v) * dt;
      }
      n++;
      lastTime = t;
      lastValue = v;
    }

    double value(Kpi.Kind kind) {
      if (n == 0) {
        return Double.NaN;
      }
      double span = lastTime - firstTime;
      boolean degenerate = n == 1 || span <= 0;
      return switch (kind) {
        case MIN -> min;
        case MAX -> max;
        case PEAK -> peak;
        case FINAL -> lastValue;
        case MEAN -> degenerate ? firstValue : integral / span;
        case RMS -> Math.sqrt(degenerate ? firstValue * firstValue : integralOfSquares / span);
      };
    }
  }
}
