package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.ArrayDimension;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ClockTiming;
import com.fmugateway.domain.fmu.model.Initial;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.fmu.model.VariableType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Collects one FMI 3.0 variable element ({@code <Float64>}, {@code <UInt64>}, {@code <Clock>} …)
 * with its {@code <Dimension>} and {@code <Start>} children; references to other variables
 * (derivative, clocks, structural parameters) are resolved once all variables are known.
 */
final class Fmi3VariableBuilder {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final String name;
  private final long valueReference;
  private final VariableType type;
  private final Causality causality;
  private final Variability variability;
  private final Optional<Initial> initial;
  private final Optional<String> description;
  private final Optional<String> declaredType;
  private final TypeDefaults own;
  private final OptionalLong derivative;
  private final List<Long> clockReferences;
  private final Optional<ClockTiming> clock;
  private final List<Object> dimensions = new ArrayList<>();
  private final List<String> startElements = new ArrayList<>();
  private Optional<String> start;

  Fmi3VariableBuilder(VariableType type, XmlAttributes attributes) {
    this.type = type;
    this.name = attributes.describedAs("a <" + type.label() + "> variable").required("name");
    XmlAttributes context = attributes.describedAs(describe());
    this.valueReference = context.unsignedInt("valueReference");
    this.causality = context.choice("causality", Causality.class).orElse(Causality.LOCAL);
    this.variability =
        context
            .choice("variability", Variability.class)
            .orElse(type.isFloat() ? Variability.CONTINUOUS : Variability.DISCRETE);
    this.initial = context.choice("initial", Initial.class);
    this.description = context.text("description");
    this.declaredType = context.text("declaredType");
    this.own = TypeDefaults.of(context);
    this.start = context.text("start");
    this.derivative =
        context.text("derivative").isPresent()
            ? OptionalLong.of(context.unsignedInt("derivative"))
            : OptionalLong.empty();
    this.clockReferences = references(context, "clocks");
    this.clock = type == VariableType.CLOCK ? Optional.of(timing(context)) : Optional.empty();
  }

  /** {@code <Dimension start="3"/>} or {@code <Dimension valueReference="7"/>}. */
  void dimension(XmlAttributes element) {
    XmlAttributes attributes = element.describedAs("a <Dimension> of " + describe());
    if (attributes.text("start").isPresent()) {
      dimensions.add(attributes.unsignedInt("start"));
    } else if (attributes.text("valueReference").isPresent()) {
      dimensions.add(new Reference(attributes.unsignedInt("valueReference")));
    } else {
      throw XmlAttributes.invalid(
          "a <Dimension> of " + describe() + " has neither start nor valueReference");
    }
  }

  /** {@code <Start value="…"/>}, as String and Binary variables give their start values. */
  void startElement(XmlAttributes element) {
    startElements.add(element.describedAs("a <Start> of " + describe()).required("value"));
  }

  String name() {
    return name;
  }

  long valueReference() {
    return valueReference;
  }

  VariableType type() {
    return type;
  }

  Causality causality() {
    return causality;
  }

  Optional<String> start() {
    return startElements.isEmpty() ? start : Optional.of(String.join(" ", startElements));
  }

  ModelVariable build(Fmi3References references, Map<String, TypeDefaults> simpleTypes) {
    TypeDefaults inherited = declaredType.map(simpleTypes::get).orElse(TypeDefaults.NONE);
    OptionalInt derivativeOf = OptionalInt.empty();
    if (derivative.isPresent()) {
      derivativeOf = OptionalInt.of(references.stateIndex(this, derivative.getAsLong()));
    }
    List<String> clocks =
        clockReferences.stream().map(vr -> references.clockName(this, vr)).toList();
    List<ArrayDimension> built =
        dimensions.stream()
            .map(
                d ->
                    d instanceof Reference ref
                        ? references.dimension(this, ref.valueReference())
                        : ArrayDimension.fixed((Long) d))
            .toList();
    return new ModelVariable(
        name,
        valueReference,
        type,
        causality,
        variability,
        initial,
        start(),
        or(own.min(), inherited.min()),
        or(own.max(), inherited.max()),
        or(own.nominal(), inherited.nominal()),
        own.unit().or(inherited::unit),
        description,
        derivativeOf,
        built,
        clocks,
        clock);
  }

  String describe() {
    return type.label() + " \"" + name + "\"";
  }

  private static ClockTiming timing(XmlAttributes clock) {
    String variability = clock.required("intervalVariability");
    if (!List.of("constant", "fixed", "tunable", "changing", "countdown", "triggered")
        .contains(variability)) {
      throw XmlAttributes.invalid(
          clock.element()
              + " has intervalVariability=\""
              + variability
              + "\", but it must be one of constant, fixed, tunable, changing, countdown,"
              + " triggered");
    }
    OptionalDouble interval = clock.real("intervalDecimal");
    OptionalLong counter =
        clock.text("intervalCounter").isPresent()
            ? OptionalLong.of(clock.unsignedInt("intervalCounter"))
            : OptionalLong.empty();
    OptionalLong resolution =
        clock.text("resolution").isPresent()
            ? OptionalLong.of(clock.unsignedInt("resolution"))
            : OptionalLong.empty();
    if (interval.isEmpty() && counter.isPresent() && resolution.orElse(0) > 0) {
      interval = OptionalDouble.of((double) counter.getAsLong() / resolution.getAsLong());
    }
    return new ClockTiming(
        variability, interval, clock.real("shiftDecimal"), clock.count("priority"));
  }

  private static List<Long> references(XmlAttributes attributes, String name) {
    Optional<String> text = attributes.text(name).map(String::strip).filter(s -> !s.isEmpty());
    if (text.isEmpty()) {
      return List.of();
    }
    List<Long> references = new ArrayList<>();
    for (String part : SPACES.split(text.get())) {
      references.add(new XmlAttributes(n -> part, attributes.element()).unsignedInt(name));
    }
    return references;
  }

  private static OptionalDouble or(OptionalDouble first, OptionalDouble second) {
    return first.isPresent() ? first : second;
  }

  /** A dimension sized by the structural parameter with this value reference. */
  private record Reference(long valueReference) {}
}
