package com.fmugateway.adapter.out.fmi.archive;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The attributes a {@code <SimpleType>} lends to variables that name it as their {@code
 * declaredType}; a variable's own attributes win.
 */
record TypeDefaults(
    Optional<String> unit, OptionalDouble min, OptionalDouble max, OptionalDouble nominal) {

  static final TypeDefaults NONE =
      new TypeDefaults(
          Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

  /** Reads the type element inside a {@code <SimpleType>}: {@code <Real unit="m"/>} and so on. */
  static TypeDefaults of(XmlAttributes type) {
    return new TypeDefaults(
        type.text("unit"), type.real("min"), type.real("max"), type.real("nominal"));
  }
}
