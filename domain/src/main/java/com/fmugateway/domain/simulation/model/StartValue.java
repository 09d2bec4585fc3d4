package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.fmu.model.ModelVariable;
import java.util.Objects;

/**
 * A checked start value: {@code value} is a {@link Double}, {@link Integer}, {@link Boolean} or
 * {@link String} matching the variable's type (enumerations are integers).
 */
public record StartValue(ModelVariable variable, Object value) {

  public StartValue {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(value, "value");
  }
}
