package com.fmugateway.domain.fmu.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One variable of a model description. {@code start} keeps the XML text (FMI 3.0 arrays: values
 * separated by spaces, row-major); {@code derivativeOf} is the 1-based index in the description's
 * variable list of the state it is the derivative of. FMI 3.0 adds {@code dimensions} (empty for a
 * scalar), {@code clocks} (names of the clocks the variable belongs to) and, for a Clock, its
 * {@code clock} timing.
 */
public record ModelVariable(
    String name,
    long valueReference,
    VariableType type,
    Causality causality,
    Variability variability,
    Optional<Initial> initial,
    Optional<String> start,
    OptionalDouble min,
    OptionalDouble max,
    OptionalDouble nominal,
    Optional<String> unit,
    Optional<String> description,
    OptionalInt derivativeOf,
    List<ArrayDimension> dimensions,
    List<String> clocks,
    Optional<ClockTiming> clock) {

  /** A scalar variable outside any clock, as every FMI 2.0 variable is. */
  public ModelVariable(
      String name,
      long valueReference,
      VariableType type,
      Causality causality,
      Variability variability,
      Optional<Initial> initial,
      Optional<String> start,
      OptionalDouble min,
      OptionalDouble max,
      OptionalDouble nominal,
      Optional<String> unit,
      Optional<String> description,
      OptionalInt derivativeOf) {
    this(
        name,
        valueReference,
        type,
        causality,
        variability,
        initial,
        start,
        min,
        max,
        nominal,
        unit,
        description,
        derivativeOf,
        List.of(),
        List.of(),
        Optional.empty());
  }

  public ModelVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(causality, "causality");
    Objects.requireNonNull(variability, "variability");
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(nominal, "nominal");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(derivativeOf, "derivativeOf");
    dimensions = List.copyOf(dimensions);
    clocks = List.copyOf(clocks);
    Objects.requireNonNull(clock, "clock");
  }

  /** Whether the variable is an array (has at least one dimension). */
  public boolean isArray() {
    return !dimensions.isEmpty();
  }

  /**
   * Number of elements: 1 for a scalar, the product of the dimensions' sizes for an array; empty
   * when a dimension's size is not known from the description.
   */
  public OptionalLong elementCount() {
    long count = 1;
    for (ArrayDimension dimension : dimensions) {
      if (dimension.size().isEmpty()) {
        return OptionalLong.empty();
      }
      count = Math.multiplyExact(count, dimension.size().getAsLong());
    }
    return OptionalLong.of(count);
  }

  /** Whether a caller may give this variable a start value before the run. */
  public boolean acceptsStartValue() {
    return variability != Variability.CONSTANT
        && type != VariableType.CLOCK
        && (causality == Causality.PARAMETER
            || causality == Causality.INPUT
            || (initial.orElse(null) == Initial.EXACT || initial.orElse(null) == Initial.APPROX)
                && causality != Causality.CALCULATED_PARAMETER
                && causality != Causality.INDEPENDENT
                // Changing one would resize arrays, which needs configuration mode: not offered.
                && causality != Causality.STRUCTURAL_PARAMETER);
  }
}
