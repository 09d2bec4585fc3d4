package com.fmugateway.domain.fmu.model;

import java.util.Optional;

/**
 * The value types of FMI variables. FMI 2.0 has the first five; FMI 3.0 names its floats and
 * integers by width and signedness and adds {@code Binary} and {@code Clock}, and shares Boolean,
 * String and Enumeration. Enumerations are integers on the wire.
 */
public enum VariableType {
  REAL("Real"),
  INTEGER("Integer"),
  BOOLEAN("Boolean"),
  STRING("String"),
  ENUMERATION("Enumeration"),
  FLOAT32("Float32"),
  FLOAT64("Float64"),
  INT8("Int8"),
  UINT8("UInt8"),
  INT16("Int16"),
  UINT16("UInt16"),
  INT32("Int32"),
  UINT32("UInt32"),
  INT64("Int64"),
  UINT64("UInt64"),
  BINARY("Binary"),
  CLOCK("Clock");

  private final String label;

  VariableType(String label) {
    this.label = label;
  }

  /** The name as the standard spells it: {@code Float64}, {@code UInt64}, {@code Real}. */
  public String label() {
    return label;
  }

  /** Floating point: FMI 2.0 Real, FMI 3.0 Float32 and Float64. */
  public boolean isFloat() {
    return this == REAL || this == FLOAT32 || this == FLOAT64;
  }

  /** Whole numbers of any width, enumerations included. */
  public boolean isWhole() {
    return this == INTEGER
        || this == ENUMERATION
        || name().startsWith("INT")
        || name().startsWith("UINT");
  }

  /** Whether the value is unsigned (UInt8 to UInt64). */
  public boolean isUnsigned() {
    return name().startsWith("UINT");
  }

  /** Bits of a whole-number type: 8 to 64 (FMI 2.0 Integer and enumerations are 32, FMI 3.0 64). */
  public int bits() {
    return switch (this) {
      case INT8, UINT8 -> 8;
      case INT16, UINT16 -> 16;
      case INTEGER, INT32, UINT32 -> 32;
      default -> 64;
    };
  }

  /** The type named by an FMI 3.0 element, e.g. {@code UInt64}. */
  public static Optional<VariableType> ofLabel(String label) {
    for (VariableType type : values()) {
      if (type.label.equals(label)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
