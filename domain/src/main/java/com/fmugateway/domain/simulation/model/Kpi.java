package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A key performance indicator named {@code <variable>_<kind>}, e.g. {@code h_max}. Means and RMS
 * are time-weighted (trapezoidal) over the run, so uneven sampling does not bias them.
 */
public record Kpi(String variable, Kind kind) {

  /** The statistic a KPI takes of its variable. */
  public enum Kind {
    RMS,
    MEAN,
    MIN,
    MAX,
    PEAK,
    FINAL
  }

  public Kpi {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(kind, "kind");
  }

  /** Parses {@code <variable>_<kind>}; variable names may contain underscores themselves. */
  public static Kpi parse(String name) {
    int cut = name == null ? -1 : name.lastIndexOf('_');
    if (cut <= 0) {
      throw invalid(name);
    }
    String kind = name.substring(cut + 1).toUpperCase(Locale.ROOT);
    if (Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(kind))) {
      throw invalid(name);
    }
    return new Kpi(name.substring(0, cut), Kind.valueOf(kind));
  }

  public String name() {
    return variable + "_" + kind.name().toLowerCase(Locale.ROOT);
  }

  /** This KPI of a sampled signal. */
  public double of(double[] time, double[] values) {
    int n = values.length;
    return switch (kind) {
      case MIN -> Arrays.stream(values).min().orElse(Double.NaN);
      case MAX -> Arrays.stream(values).max().orElse(Double.NaN);
      case PEAK -> Arrays.stream(values).map(Math::abs).max().orElse(Double.NaN);
      case FINAL -> values[n - 1];
      case MEAN -> timeAverage(time, values, false);
      case RMS -> Math.sqrt(timeAverage(time, values, true));
    };
  }

  private static double timeAverage(double[] time, double[] values, boolean squared) {
    int n = values.length;
    double span = time[n - 1] - time[0];
    if (n == 1 || span <= 0) {
      return squared ? values[0] * values[0] : values[0];
    }
    double integral = 0;
    for (int i = 1; i < n; i++) {
      double a = squared ? values[i - 1] * values[i - 1] : values[i - 1];
      double b = squared ? values[i] * values[i] : values[i];
      integral += 0.5 * (a + b) * (time[i] - time[i - 1]);
    }
    return integral / span;
  }

  private static InvalidInputException invalid(String name) {
    String kinds =
        Arrays.stream(Kind.values())
            .map(k -> k.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining("|"));
    return new InvalidInputException("kpis", "'" + name + "' is not <variable>_<" + kinds + ">");
  }
}
