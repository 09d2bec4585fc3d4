package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.Initial;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.fmu.model.VariableType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Collects one {@code <ScalarVariable>} and its type element, then fills in what FMI 2.0 leaves to
 * defaults and to the declared type.
 */
final class ScalarVariableBuilder {

  private static final List<Causality> FMI2_CAUSALITIES =
      List.of(
          Causality.PARAMETER,
          Causality.CALCULATED_PARAMETER,
          Causality.INPUT,
          Causality.OUTPUT,
          Causality.LOCAL,
          Causality.INDEPENDENT);

  private final String name;
  private final long valueReference;
  private final Causality causality;
  private final Variability variability;
  private final Optional<Initial> initial;
  private final Optional<String> description;
  private VariableType type;
  private Optional<String> start = Optional.empty();
  private Optional<String> declaredType = Optional.empty();
  private TypeDefaults own = TypeDefaults.NONE;
  private OptionalInt derivativeOf = OptionalInt.empty();

  ScalarVariableBuilder(XmlAttributes attributes) {
    this.name = attributes.describedAs("a ScalarVariable").required("name");
    XmlAttributes context = attributes.describedAs(describe());
    this.valueReference = context.unsignedInt("valueReference");
    this.causality = context.choice("causality", FMI2_CAUSALITIES).orElse(Causality.LOCAL);
    this.variability =
        context.choice("variability", Variability.class).orElse(Variability.CONTINUOUS);
    this.initial = context.choice("initial", Initial.class);
    this.description = context.text("description");
  }

  /** Reads the type element: {@code <Real unit="m" start="1" derivative="1"/>} and the like. */
  void type(VariableType type, XmlAttributes element) {
    if (this.type != null) {
      throw XmlAttributes.invalid(describe() + " has more than one type element");
    }
    XmlAttributes attributes = element.describedAs(describe());
    this.type = type;
    this.start = attributes.text("start");
    this.declaredType = attributes.text("declaredType");
    this.own = TypeDefaults.of(attributes);
    this.derivativeOf = attributes.count("derivative");
  }

  String name() {
    return name;
  }

  OptionalInt derivativeOf() {
    return derivativeOf;
  }

  ModelVariable build(Map<String, TypeDefaults> simpleTypes) {
    if (type == null) {
      throw XmlAttributes.invalid(
          describe() + " has no type element (Real, Integer, Boolean, String or Enumeration)");
    }
    TypeDefaults inherited = declaredType.map(simpleTypes::get).orElse(TypeDefaults.NONE);
    return new ModelVariable(
        name,
        valueReference,
        type,
        causality,
        variability,
        initial,
        start,
        or(own.min(), inherited.min()),
        or(own.max(), inherited.max()),
        or(own.nominal(), inherited.nominal()),
        own.unit().or(inherited::unit),
        description,
        derivativeOf);
  }

  String describe() {
    return "ScalarVariable \"" + name + "\"";
  }

  private static OptionalDouble or(OptionalDouble first, OptionalDouble second) {
    return first.isPresent() ? first : second;
  }
}
