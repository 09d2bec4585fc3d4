package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Checks one caller-supplied value against a variable type and gives it its typed form: Double for
 * floats, Integer for FMI 2.0 Integer and enumerations, Long for FMI 3.0 integers (UInt64 as the
 * same 64 bits), Boolean, String, and Binary as a lowercase hex String. No 64-bit value passes
 * through a double.
 */
final class TypedValues {

  private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})*");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,40}");
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private TypedValues() {}

  /**
   * The typed form of a value for {@code variable}: a scalar, or for an array variable a row-major
   * list of the variable's element count (nested arrays are flattened).
   */
  static Object of(String field, ModelVariable variable, Object value) {
    if (!variable.isArray()) {
      return scalar(field, variable.type(), value);
    }
    List<Object> elements = new ArrayList<>();
    flatten(field, value, elements);
    OptionalLong count = variable.elementCount();
    if (count.isPresent() && elements.size() != count.getAsLong()) {
      throw new InvalidInputException(
          field,
          "must be an array of "
              + count.getAsLong()
              + " values (row-major), but has "
              + elements.size());
    }
    List<Object> converted = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      converted.add(scalar(field + "[" + (i + 1) + "]", variable.type(), elements.get(i)));
    }
    return List.copyOf(converted);
  }

  /** Nested arrays are read row-major, as FMI stores them. */
  private static void flatten(String field, Object value, List<Object> into) {
    if (!(value instanceof List<?> list)) {
      if (into.isEmpty()) {
        throw new InvalidInputException(field, "must be an array (row-major)");
      }
      into.add(value);
      return;
    }
    for (Object element : list) {
      if (element instanceof List<?>) {
        flatten(field, element, into);
      } else if (element == null) {
        throw new InvalidInputException(field, "must not hold null");
      } else {
        into.add(element);
      }
    }
  }

  static Object scalar(String field, VariableType type, Object value) {
    if (type.isFloat()) {
      if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
        throw new InvalidInputException(field, "must be a finite number (" + type.label() + ")");
      }
      return number.doubleValue();
    }
    if (type == VariableType.INTEGER || type == VariableType.ENUMERATION) {
      BigInteger whole = whole(field, type, value);
      if (whole.bitLength() > 31) {
        throw new InvalidInputException(field, "must be a whole number (" + type.label() + ")");
      }
      return whole.intValue();
    }
    if (type.isWhole()) {
      return sized(field, type, whole(field, type, value));
    }
    return switch (type) {
      case BOOLEAN -> {
        if (!(value instanceof Boolean bool)) {
          throw new InvalidInputException(field, "must be true or false (Boolean)");
        }
        yield bool;
      }
      case STRING -> {
        if (!(value instanceof String text)) {
          throw new InvalidInputException(field, "must be a string (String)");
        }
        yield text;
      }
      case BINARY -> {
        if (!(value instanceof String hex) || !HEX.matcher(hex).matches()) {
          throw new InvalidInputException(
              field, "must be a string of hexadecimal byte pairs such as \"00ff\" (Binary)");
        }
        yield hex.toLowerCase(Locale.ROOT);
      }
      default -> throw new InvalidInputException(field, "a " + type.label() + " takes no value");
    };
  }

  /** The exact whole number in a JSON number (integral) or a decimal string. */
  private static BigInteger whole(String field, VariableType type, Object value) {
    BigInteger whole = null;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      whole = BigInteger.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger big) {
      whole = big;
    } else if (value instanceof BigDecimal decimal) {
      whole = integral(decimal);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      // A double is exact only up to 2^53; beyond, the caller's digits are already lost.
      if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) <= (1L << 53)) {
        whole = BigInteger.valueOf((long) d);
      }
    } else if (value instanceof String text && WHOLE.matcher(text.strip()).matches()) {
      whole = new BigInteger(text.strip());
    }
    if (whole == null) {
      throw new InvalidInputException(field, "must be a whole number (" + type.label() + ")");
    }
    return whole;
  }

  private static BigInteger integral(BigDecimal decimal) {
    try {
      return decimal.toBigIntegerExact();
    } catch (ArithmeticException notWhole) {
      return null;
    }
  }

  /** Range-checked for the type's width; the result is a Long holding the value's bits. */
  private static Long sized(String field, VariableType type, BigInteger whole) {
    int bits = type.bits();
    BigInteger min =
        type.isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max =
        type.isUnsigned()
            ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
            : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
    if (whole.compareTo(min) < 0 || whole.compareTo(max) > 0) {
      throw new InvalidInputException(
          field, "must be a whole number from " + min + " to " + max + " (" + type.label() + ")");
    }
    return whole.mod(TWO_TO_64).longValue();
  }
}
