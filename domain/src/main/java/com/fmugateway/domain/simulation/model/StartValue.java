package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.fmu.model.ModelVariable;
import java.util.Objects;

/**
 * A checked start value matching the variable's type: {@link Double} for floats, {@link Integer}
 * for FMI 2.0 Integer and enumerations, {@link Long} for FMI 3.0 integers (a UInt64 as the same 64
 * bits, so {@code -1} is 2^64 - 1), {@link Boolean}, {@link String} (a Binary as lowercase hex), or
 * for an array variable a {@link java.util.List} of those, row-major.
 */
public record StartValue(ModelVariable variable, Object value) {

  public StartValue {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(value, "value");
  }
}
