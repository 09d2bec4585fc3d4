package com.fmugateway.domain.experiment.model;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.List;

/**
 * How one swept parameter varies: given levels ({@link Values}), an evenly spaced grid ({@link
 * Range}), or a distribution sampled by the sweep's design ({@link Uniform}, {@link Normal}).
 * {@code field} in each check is where the spec sits in the request, for error messages.
 */
public sealed interface ParameterSpec {

  /** Finite levels a full-factorial design can enumerate; empty for a distribution. */
  List<Object> levels();

  /** The value at quantile {@code u} in (0, 1): a level, or the distribution's quantile. */
  Object at(double u);

  /** Explicit levels, in the order given. */
  record Values(List<Object> values) implements ParameterSpec {

    public Values {
      values = List.copyOf(values);
    }

    @Override
    public List<Object> levels() {
      return values;
    }

    @Override
    public Object at(double u) {
      return values.get(Math.min(values.size() - 1, (int) Math.floor(u * values.size())));
    }
  }

  /** {@code num} evenly spaced levels from {@code start} to {@code stop}, both included. */
  record Range(double start, double stop, int num) implements ParameterSpec {

    @Override
    public List<Object> levels() {
      Object[] levels = new Object[num];
      for (int i = 0; i < num; i++) {
        levels[i] = num == 1 ? start : i == num - 1 ? stop : start + (stop - start) * i / (num - 1);
      }
      return List.of(levels);
    }

    @Override
    public Object at(double u) {
      return levels().get(Math.min(num - 1, (int) Math.floor(u * num)));
    }
  }

  /** Uniform on [{@code min}, {@code max}]. */
  record Uniform(double min, double max) implements ParameterSpec {

    @Override
    public List<Object> levels() {
      return List.of();
    }

    @Override
    public Object at(double u) {
      return min + (max - min) * u;
    }
  }

  /** Normal with mean {@code mean} and standard deviation {@code std}. */
  record Normal(double mean, double std) implements ParameterSpec {

    @Override
    public List<Object> levels() {
      return List.of();
    }

    @Override
    public Object at(double u) {
      return mean + std * NormalQuantile.of(u);
    }
  }

  /** Checks a spec as the caller sent it; {@code field} is its place in the request. */
  static void check(String field, ParameterSpec spec) {
    if (spec instanceof Values v) {
      if (v.values().isEmpty()) {
        throw new InvalidInputException(field + ".values", "must list at least one value");
      }
      for (int i = 0; i < v.values().size(); i++) {
        Object value = v.values().get(i);
        if (value == null) {
          throw new InvalidInputException(field + ".values[" + i + "]", "must not be null");
        }
        if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
          throw new InvalidInputException(field + ".values[" + i + "]", "must be finite");
        }
      }
    } else if (spec instanceof Range r) {
      finite(field + ".range.start", r.start());
      finite(field + ".range.stop", r.stop());
      if (r.num() < 1) {
        throw new InvalidInputException(field + ".range.num", "must be 1 or more");
      }
    } else if (spec instanceof Uniform u) {
      finite(field + ".uniform.min", u.min());
      finite(field + ".uniform.max", u.max());
      if (u.max() < u.min()) {
        throw new InvalidInputException(field + ".uniform.max", "must not be less than min");
      }
    } else if (spec instanceof Normal n) {
      finite(field + ".normal.mean", n.mean());
      finite(field + ".normal.std", n.std());
      if (n.std() < 0) {
        throw new InvalidInputException(field + ".normal.std", "must not be negative");
      }
    }
  }

  private static void finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(field, "must be a finite number");
    }
  }
}
