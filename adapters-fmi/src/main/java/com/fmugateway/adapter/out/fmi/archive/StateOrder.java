package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.ContinuousStates;
import com.fmugateway.domain.fmu.model.ModelVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The continuous states in the order of the model structure's derivatives, paired with their
 * derivatives' value references. A structure that does not add up (a listed variable that is no
 * derivative) is not refused, as FMUs ran without it before; it only leaves the states unknown, so
 * the master falls back to finite differences.
 */
final class StateOrder {

  private StateOrder() {}

  /** FMI 2.0: {@code <Derivatives><Unknown index="i"/>}, 1-based indices into the variables. */
  static ContinuousStates byIndex(
      List<ModelVariable> variables, List<Integer> derivatives, boolean directional) {
    List<ModelVariable> listed = new ArrayList<>(derivatives.size());
    for (int index : derivatives) {
      if (index < 1 || index > variables.size()) {
        return ContinuousStates.unknown();
      }
      listed.add(variables.get(index - 1));
    }
    return pairs(variables, listed, directional);
  }

  /** FMI 3.0: {@code <ContinuousStateDerivative valueReference="r"/>}. */
  static ContinuousStates byReference(
      List<ModelVariable> variables, List<Long> derivatives, boolean directional) {
    Map<Long, ModelVariable> byReference = new HashMap<>();
    for (ModelVariable variable : variables) {
      byReference.putIfAbsent(variable.valueReference(), variable);
    }
    List<ModelVariable> listed = new ArrayList<>(derivatives.size());
    for (long reference : derivatives) {
      ModelVariable found = byReference.get(reference);
      if (found == null) {
        return ContinuousStates.unknown();
      }
      listed.add(found);
    }
    return pairs(variables, listed, directional);
  }

  private static ContinuousStates pairs(
      List<ModelVariable> variables, List<ModelVariable> derivatives, boolean directional) {
    List<Long> states = new ArrayList<>(derivatives.size());
    List<Long> references = new ArrayList<>(derivatives.size());
    for (ModelVariable derivative : derivatives) {
      OptionalInt state = derivative.derivativeOf();
      if (state.isEmpty() || state.getAsInt() < 1 || state.getAsInt() > variables.size()) {
        return ContinuousStates.unknown();
      }
      states.add(variables.get(state.getAsInt() - 1).valueReference());
      references.add(derivative.valueReference());
    }
    return new ContinuousStates(states, references, directional);
  }

  /** An {@code xs:boolean} attribute that defaults to false. */
  static boolean flag(XmlAttributes attributes, String name) {
    return attributes
        .text(name)
        .map(String::strip)
        .map(v -> v.equals("true") || v.equals("1"))
        .orElse(false);
  }
}
