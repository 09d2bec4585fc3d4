package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A time series fed to an FMU input. Before the first sample it holds the first value, after the
 * last sample the last value.
 */
public record InputSignal(
    String name, double[] time, double[] values, Interpolation interpolation) {

  public InputSignal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interpolation, "interpolation");
    if (time == null || values == null || time.length == 0) {
      throw new InvalidInputException(
          "inputSignals", "signal '" + name + "' needs time and values");
    }
    if (time.length != values.length) {
      throw new InvalidInputException(
          "inputSignals",
          "signal '" + name + "' has " + time.length + " times but " + values.length + " values");
    }
    for (int i = 0; i < time.length; i++) {
      if (!Double.isFinite(time[i]) || !Double.isFinite(values[i])) {
        throw new InvalidInputException(
            "inputSignals", "signal '" + name + "' has a non-finite number at index " + i);
      }
      if (i > 0 && time[i] <= time[i - 1]) {
        throw new InvalidInputException(
            "inputSignals",
            "signal '" + name + "' times must be strictly increasing (index " + i + ")");
      }
    }
    time = time.clone();
    values = values.clone();
  }

  /** The signal's value at time {@code t}. */
  public double valueAt(double t) {
    if (t <= time[0]) {
      return values[0];
    }
    int last = time.length - 1;
    if (t >= time[last]) {
      return values[last];
    }
    int found = Arrays.binarySearch(time, t);
    if (found >= 0) {
      return values[found];
    }
    int right = -found - 1;
    int left = right - 1;
    if (interpolation == Interpolation.HOLD) {
      return values[left];
    }
    double fraction = (t - time[left]) / (time[right] - time[left]);
    return values[left] + fraction * (values[right] - values[left]);
  }

  /** Sample times strictly inside (from, to): where a held signal jumps or a line bends. */
  public double[] breakpointsBetween(double from, double to) {
    return Arrays.stream(time).filter(t -> t > from && t < to).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputSignal other
        && name.equals(other.name)
        && interpolation == other.interpolation
        && Arrays.equals(time, other.time)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, interpolation, Arrays.hashCode(time), Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "InputSignal[" + name + ", " + time.length + " samples, " + interpolation + "]";
  }
}
