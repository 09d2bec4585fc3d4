package com.fmugateway.adapter.in.http.fmu;

import com.fmugateway.domain.fmu.model.FmuRecord;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ResolvedFmu;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An FMU the caller may run: what it is, what it offers, and its content hash. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FmuResponse(
    String id,
    String sha256,
    String modelName,
    String fmiVersion,
    String guid,
    String description,
    @Schema(description = "cs, me, se") List<String> interfaces,
    int numberOfVariables,
    DefaultExperimentResponse defaultExperiment,
    List<String> platforms,
    @Schema(
            types = {"integer", "null"},
            description = "Uploads only")
        Long sizeBytes,
    @Schema(
            types = {"string", "null"},
            format = "date-time",
            description = "Uploads only")
        Instant createdAt,
    boolean builtIn) {

  static FmuResponse from(ResolvedFmu fmu) {
    ModelDescription description = fmu.description();
    return new FmuResponse(
        fmu.artifact().id().value(),
        fmu.artifact().sha256().hex(),
        description.modelName(),
        description.fmiVersion(),
        description.guid(),
        description.description().orElse(""),
        LibraryEntryResponse.interfaces(description),
        description.variables().size(),
        DefaultExperimentResponse.from(description.defaultExperiment()),
        fmu.inspected().platforms(),
        fmu.upload().map(FmuRecord::sizeBytes).orElse(null),
        fmu.upload().map(FmuRecord::createdAt).orElse(null),
        fmu.artifact().builtIn());
  }
}
