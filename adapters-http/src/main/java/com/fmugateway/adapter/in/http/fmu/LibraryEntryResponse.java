package com.fmugateway.adapter.in.http.fmu;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.LibraryModel;
import com.fmugateway.domain.fmu.model.ModelDescription;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One model of the built-in library, as {@code GET /library} lists it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LibraryEntryResponse(
    String id,
    List<String> aliases,
    String modelName,
    String fmiVersion,
    String guid,
    String description,
    List<String> interfaces,
    DefaultExperimentResponse defaultExperiment) {

  static LibraryEntryResponse from(LibraryModel model) {
    ModelDescription description = model.inspected().description();
    String id = model.artifact().id().value();
    return new LibraryEntryResponse(
        id,
        List.of("msl:" + model.artifact().id().libraryName()),
        description.modelName(),
        description.fmiVersion(),
        description.guid(),
        description.description().orElse(""),
        interfaces(description),
        DefaultExperimentResponse.from(description.defaultExperiment()));
  }

  static List<String> interfaces(ModelDescription description) {
    return description.interfaces().stream().sorted().map(FmuInterface::code).toList();
  }
}
