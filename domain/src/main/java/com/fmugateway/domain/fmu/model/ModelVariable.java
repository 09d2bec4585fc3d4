package com.fmugateway.domain.fmu.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One scalar variable of a model description. {@code start} keeps the XML text; {@code
 * derivativeOf} is the 1-based index (FMI 2.0 {@code derivative} attribute) of the state it is the
 * derivative of.
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
    OptionalInt derivativeOf) {

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
  }

  /** Whether a caller may give this variable a start value before the run. */
  public boolean acceptsStartValue() {
    return variability != Variability.CONSTANT
        && (causality == Causality.PARAMETER
            || causality == Causality.INPUT
            || (initial.orElse(null) == Initial.EXACT || initial.orElse(null) == Initial.APPROX)
                && causality != Causality.CALCULATED_PARAMETER
                && causality != Causality.INDEPENDENT);
  }
}
