package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.domain.fmu.model.ArrayDimension;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the run form asks for the chosen model beyond the usual fields: a tick list for each of its
 * triggered input clocks (when it offers scheduled execution), and the shape of each array variable
 * that takes a start value, so the form can say how many values its JSON array needs.
 */
public record RunModelView(List<String> triggeredClocks, List<ArrayHint> arrays) {

  /** An array variable's name, its dimensions as {@code 3×3} and its element count, if known. */
  public record ArrayHint(String name, String shape, String size) {}

  static final RunModelView NONE = new RunModelView(List.of(), List.of());

  static RunModelView of(ModelDescription model) {
    List<String> clocks =
        model.interfaces().contains(FmuInterface.SCHEDULED_EXECUTION)
            ? model.variables().stream()
                .filter(v -> v.type() == VariableType.CLOCK && v.causality() == Causality.INPUT)
                .filter(
                    v ->
                        v.clock()
                            .map(t -> t.intervalVariability().equals("triggered"))
                            .orElse(false))
                .map(ModelVariable::name)
                .toList()
            : List.of();
    List<ArrayHint> arrays =
        model.variables().stream()
            .filter(v -> v.isArray() && v.acceptsStartValue())
            .map(
                v ->
                    new ArrayHint(
                        v.name(),
                        v.dimensions().stream()
                            .map(RunModelView::dimension)
                            .collect(Collectors.joining("×")),
                        v.elementCount().isPresent()
                            ? String.valueOf(v.elementCount().getAsLong())
                            : "?"))
            .toList();
    return new RunModelView(clocks, arrays);
  }

  public boolean hasClocks() {
    return !triggeredClocks.isEmpty();
  }

  private static String dimension(ArrayDimension dimension) {
    return dimension.size().isPresent()
        ? String.valueOf(dimension.size().getAsLong())
        : dimension.structuralParameter().orElse("?");
  }
}
