package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The attributes of one XML element, parsed strictly as the FMI 2.0 schema types them, with errors
 * that name the element.
 */
final class XmlAttributes {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final long MAX_UNSIGNED_INT = 0xFFFFFFFFL;

  private final UnaryOperator<String> lookup;
  private final String element;

  /**
   * @param lookup the attribute value by name, {@code null} when absent
   * @param element how messages name the element, e.g. {@code ScalarVariable "h"}
   */
  XmlAttributes(UnaryOperator<String> lookup, String element) {
    this.lookup = lookup;
    this.element = element;
  }

  /** How messages name the element. */
  String element() {
    return element;
  }

  XmlAttributes describedAs(String element) {
    return new XmlAttributes(lookup, element);
  }

  Optional<String> text(String name) {
    return Optional.ofNullable(lookup.apply(name));
  }

  String required(String name) {
    return text(name).orElseThrow(() -> invalid(element + " has no " + name + " attribute"));
  }

  /** An {@code xs:double}: a decimal, or {@code INF}, {@code -INF} or {@code NaN}. */
  OptionalDouble real(String name) {
    Optional<String> value = text(name).map(String::strip);
    if (value.isEmpty()) {
      return OptionalDouble.empty();
    }
    return switch (value.get()) {
      case "INF", "+INF" -> OptionalDouble.of(Double.POSITIVE_INFINITY);
      case "-INF" -> OptionalDouble.of(Double.NEGATIVE_INFINITY);
      case "NaN" -> OptionalDouble.of(Double.NaN);
      default -> {
        if (!DECIMAL.matcher(value.get()).matches()) {
          throw badValue(name, value.get(), "a number");
        }
        yield OptionalDouble.of(Double.parseDouble(value.get()));
      }
    };
  }

  /** A non-negative {@code xs:int}, as counts and indices are. */
  OptionalInt count(String name) {
    Optional<String> value = text(name).map(String::strip);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    long parsed = integer(name, value.get(), Integer.MAX_VALUE);
    return OptionalInt.of((int) parsed);
  }

  /** A required {@code xs:unsignedInt}, as value references are. */
  long unsignedInt(String name) {
    return integer(name, required(name).strip(), MAX_UNSIGNED_INT);
  }

  /**
   * One of an enum's constants, spelt in lower camel case as FMI does: {@code calculatedParameter}.
   */
  <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
    return choice(name, List.of(type.getEnumConstants()));
  }

  /** One of {@code allowed}, spelt as above. */
  <E extends Enum<E>> Optional<E> choice(String name, List<E> allowed) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        allowed.stream()
            .filter(constant -> xmlName(constant).equals(value.get()))
            .findFirst()
            .orElseThrow(() -> badValue(name, value.get(), "one of " + choices(allowed))));
  }

  private long integer(String name, String value, long max) {
    // The pattern keeps out the non-ASCII digits Long.parseLong would accept.
    if (INTEGER.matcher(value).matches()) {
      try {
        long parsed = Long.parseLong(value);
        if (parsed >= 0 && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException tooLong) {
        // reported below like any other out-of-range value
      }
    }
    throw badValue(name, value, "an integer from 0 to " + max);
  }

  private static <E extends Enum<E>> String choices(List<E> allowed) {
    return allowed.stream().map(XmlAttributes::xmlName).collect(Collectors.joining(", "));
  }

  private static String xmlName(Enum<?> constant) {
    String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  private InvalidFmuException badValue(String name, String value, String expected) {
    return invalid(element + " has " + name + "=\"" + value + "\", but it must be " + expected);
  }

  static InvalidFmuException invalid(String problem) {
    return new InvalidFmuException(DescriptionMessages.content(problem));
  }
}
