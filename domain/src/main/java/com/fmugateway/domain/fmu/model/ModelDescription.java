package com.fmugateway.domain.fmu.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an FMU's {@code modelDescription.xml} says, as far as running it is concerned; {@code
 * continuousStates} as far as the model exchange master cares.
 */
public record ModelDescription(
    String fmiVersion,
    String modelName,
    String guid,
    Optional<String> description,
    Optional<String> generationTool,
    Map<FmuInterface, String> modelIdentifiers,
    int numberOfEventIndicators,
    List<ModelVariable> variables,
    DefaultExperiment defaultExperiment,
    ContinuousStates continuousStates) {

  public ModelDescription {
    Objects.requireNonNull(fmiVersion, "fmiVersion");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(guid, "guid");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(generationTool, "generationTool");
    modelIdentifiers = Map.copyOf(modelIdentifiers);
    variables = List.copyOf(variables);
    Objects.requireNonNull(defaultExperiment, "defaultExperiment");
    Objects.requireNonNull(continuousStates, "continuousStates");
  }

  public Set<FmuInterface> interfaces() {
    return modelIdentifiers.keySet();
  }

  public Optional<ModelVariable> variable(String name) {
    return variables.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public List<ModelVariable> outputs() {
    return variables.stream().filter(v -> v.causality() == Causality.OUTPUT).toList();
  }
}
