package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A time series fed to an FMU input. Before the first sample it holds the first value, after the
 * last sample the last value. Each value is typed as {@link StartValue} promises for the input's
 * type (a 64-bit integer as a {@link Long}, never a double; an array input's value a row-major
 * {@link List}); only floats, scalar or array, may be interpolated linearly.
 */
public record InputSignal(
    String name, double[] time, List<Object> values, Interpolation interpolation) {

  public InputSignal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interpolation, "interpolation");
    if (time == null || values == null || time.length == 0) {
      throw new InvalidInputException(
          "inputSignals", "signal '" + name + "' needs time and values");
    }
    if (time.length != values.size()) {
      throw new InvalidInputException(
          "inputSignals",
          "signal '" + name + "' has " + time.length + " times but " + values.size() + " values");
    }
    for (int i = 0; i < time.length; i++) {
      if (!Double.isFinite(time[i])) {
        throw new InvalidInputException(
            "inputSignals", "signal '" + name + "' has a non-finite time at index " + i);
      }
      if (i > 0 && time[i] <= time[i - 1]) {
        throw new InvalidInputException(
            "inputSignals",
            "signal '" + name + "' times must be strictly increasing (index " + i + ")");
      }
    }
    for (int i = 0; i < values.size(); i++) {
      checkSample(name, interpolation, values.get(i), values.get(0), i);
    }
    time = time.clone();
    values = List.copyOf(values);
  }

  /** A signal of scalar float samples. */
  public InputSignal(String name, double[] time, double[] values, Interpolation interpolation) {
    this(name, time, boxed(values), interpolation);
  }

  /**
   * The signal's value at time {@code t}: one of its samples, or for a linear float signal a {@link
   * Double} (a {@code List<Double>} for an array) on the line between two.
   */
  public Object valueAt(double t) {
    if (t <= time[0]) {
      return values.get(0);
    }
    int last = time.length - 1;
    if (t >= time[last]) {
      return values.get(last);
    }
    int found = Arrays.binarySearch(time, t);
    if (found >= 0) {
      return values.get(found);
    }
    int right = -found - 1;
    int left = right - 1;
    if (interpolation == Interpolation.HOLD) {
      return values.get(left);
    }
    double fraction = (t - time[left]) / (time[right] - time[left]);
    Object from = values.get(left);
    Object to = values.get(right);
    if (from instanceof List<?> fromList) {
      List<?> toList = (List<?>) to;
      List<Double> line = new ArrayList<>(fromList.size());
      for (int k = 0; k < fromList.size(); k++) {
        line.add(between((Double) fromList.get(k), (Double) toList.get(k), fraction));
      }
      return line;
    }
    return between((Double) from, (Double) to, fraction);
  }

  /** Sample times strictly inside (from, to): where a held signal jumps or a line bends. */
  public double[] breakpointsBetween(double from, double to) {
    return Arrays.stream(time).filter(t -> t > from && t < to).toArray();
  }

  private static double between(double from, double to, double fraction) {
    return from + fraction * (to - from);
  }

  /**
   * Samples are present and hold no non-finite double; a linear signal's are doubles, or lists of
   * them as long as the first sample's, so that a line can be drawn between any two.
   */
  private static void checkSample(
      String name, Interpolation interpolation, Object sample, Object first, int index) {
    boolean finite =
        sample instanceof List<?> list
            ? list.stream().allMatch(InputSignal::finiteUnlessDouble)
            : sample != null && finiteUnlessDouble(sample);
    if (!finite) {
      throw new InvalidInputException(
          "inputSignals",
          "signal '" + name + "' has a missing or non-finite value at index " + index);
    }
    if (interpolation != Interpolation.LINEAR) {
      return;
    }
    boolean line =
        sample instanceof List<?> list
            ? first instanceof List<?> firstList
                && list.size() == firstList.size()
                && list.stream().allMatch(InputSignal::finiteDouble)
            : finiteDouble(sample) && !(first instanceof List);
    if (!line) {
      throw new InvalidInputException(
          "inputSignals",
          "signal '"
              + name
              + "' cannot be interpolated linearly at index "
              + index
              + ": linear needs finite floats of one shape");
    }
  }

  private static boolean finiteUnlessDouble(Object value) {
    return value != null && (!(value instanceof Double d) || Double.isFinite(d));
  }

  private static boolean finiteDouble(Object value) {
    return value instanceof Double d && Double.isFinite(d);
  }

  private static List<Object> boxed(double[] values) {
    return values == null ? null : Arrays.stream(values).boxed().map(v -> (Object) v).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputSignal other
        && name.equals(other.name)
        && interpolation == other.interpolation
        && Arrays.equals(time, other.time)
        && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, interpolation, Arrays.hashCode(time), values);
  }

  @Override
  public String toString() {
    return "InputSignal[" + name + ", " + time.length + " samples, " + interpolation + "]";
  }
}
