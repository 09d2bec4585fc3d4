package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.ArrayDimension;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.VariableType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Resolves the value references FMI 3.0 variables use to point at each other: the state a
 * derivative belongs to, the clocks a variable ticks with, the structural parameter sizing a
 * dimension. Every reference must name a variable of the right kind.
 */
final class Fmi3References {

  private final List<Fmi3VariableBuilder> variables;
  private final Map<Long, Integer> indexByReference = new HashMap<>();

  Fmi3References(List<Fmi3VariableBuilder> variables) {
    this.variables = variables;
    for (int i = 0; i < variables.size(); i++) {
      Integer previous = indexByReference.putIfAbsent(variables.get(i).valueReference(), i);
      if (previous != null) {
        throw XmlAttributes.invalid(
            variables.get(i).describe()
                + " has valueReference "
                + variables.get(i).valueReference()
                + ", which "
                + variables.get(previous).describe()
                + " already has");
      }
    }
  }

  /** The 1-based index of the Float state whose derivative {@code variable} is. */
  int stateIndex(Fmi3VariableBuilder variable, long reference) {
    int index = find(variable, "derivative", reference);
    if (!variables.get(index).type().isFloat()) {
      throw XmlAttributes.invalid(
          variable.describe()
              + " is the derivative of "
              + variables.get(index).describe()
              + ", which is not a Float32 or Float64");
    }
    return index + 1;
  }

  String clockName(Fmi3VariableBuilder variable, long reference) {
    Fmi3VariableBuilder clock = variables.get(find(variable, "clocks", reference));
    if (clock.type() != VariableType.CLOCK) {
      throw XmlAttributes.invalid(
          variable.describe() + " lists " + clock.describe() + " in clocks, but it is no Clock");
    }
    return clock.name();
  }

  /** A dimension sized by a structural parameter (or constant), its start value as the size. */
  ArrayDimension dimension(Fmi3VariableBuilder variable, long reference) {
    Fmi3VariableBuilder parameter = variables.get(find(variable, "a <Dimension>", reference));
    boolean sizing =
        parameter.type().isWhole()
            && parameter.type() != VariableType.ENUMERATION
            && (parameter.causality() == Causality.STRUCTURAL_PARAMETER
                || parameter.causality() == Causality.PARAMETER
                || parameter.causality() == Causality.CALCULATED_PARAMETER
                || parameter.causality() == Causality.LOCAL);
    if (!sizing) {
      throw XmlAttributes.invalid(
          variable.describe()
              + " is sized by "
              + parameter.describe()
              + ", which is not an integer structural parameter");
    }
    OptionalLong size = OptionalLong.empty();
    Optional<String> start = parameter.start().map(String::strip);
    if (start.isPresent() && start.get().matches("\\d{1,18}")) {
      size = OptionalLong.of(Long.parseLong(start.get()));
    }
    return new ArrayDimension(size, Optional.of(parameter.name()));
  }

  private int find(Fmi3VariableBuilder variable, String attribute, long reference) {
    Integer index = indexByReference.get(reference);
    if (index == null) {
      throw XmlAttributes.invalid(
          variable.describe()
              + " refers in "
              + attribute
              + " to valueReference "
              + reference
              + ", which no variable has");
    }
    return index;
  }
}
