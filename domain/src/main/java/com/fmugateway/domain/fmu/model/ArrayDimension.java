package com.fmugateway.domain.fmu.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One dimension of an array variable: a fixed size, or the structural parameter that sizes it (with
 * that parameter's start value as its size when the description gives one).
 */
public record ArrayDimension(OptionalLong size, Optional<String> structuralParameter) {

  public ArrayDimension {
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(structuralParameter, "structuralParameter");
    if (size.isEmpty() && structuralParameter.isEmpty()) {
      throw new IllegalArgumentException("a dimension needs a size or a structural parameter");
    }
  }

  public static ArrayDimension fixed(long size) {
    return new ArrayDimension(OptionalLong.of(size), Optional.empty());
  }
}
