package com.fmugateway.adapter.in.portal.model;

import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import java.util.List;
import java.util.Locale;

/** A model's page: its name, id, FMI version, the start of its hash, and its variables. */
public record ModelView(
    String id,
    String name,
    String description,
    String fmiVersion,
    String shortSha256,
    List<VariableView> variables) {

  /** One variable as the table lists it: enums in lower case, absent values empty. */
  public record VariableView(
      String name,
      String type,
      String causality,
      String variability,
      String start,
      String unit,
      String description) {

    static VariableView of(ModelVariable v) {
      return new VariableView(
          v.name(),
          lower(v.type()),
          lower(v.causality()),
          lower(v.variability()),
          v.start().orElse(""),
          v.unit().orElse(""),
          v.description().orElse(""));
    }

    private static String lower(Enum<?> value) {
      return value.name().toLowerCase(Locale.ROOT);
    }
  }

  static ModelView of(ResolvedFmu fmu) {
    var description = fmu.description();
    return new ModelView(
        fmu.artifact().id().value(),
        description.modelName(),
        description.description().orElse(""),
        description.fmiVersion(),
        fmu.artifact().sha256().hex().substring(0, 12),
        description.variables().stream().map(VariableView::of).toList());
  }
}
