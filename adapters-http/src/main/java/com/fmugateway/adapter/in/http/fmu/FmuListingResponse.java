package com.fmugateway.adapter.in.http.fmu;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.FmuListing;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One FMU in {@code GET /fmus}: an upload of yours, or a library model ({@code built_in}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FmuListingResponse(
    String id,
    String modelName,
    String fmiVersion,
    List<String> interfaces,
    Long sizeBytes,
    Instant uploadedAt,
    boolean builtIn) {

  static FmuListingResponse from(FmuListing fmu) {
    return new FmuListingResponse(
        fmu.id().value(),
        fmu.modelName(),
        fmu.fmiVersion(),
        fmu.interfaces().stream().map(FmuInterface::code).toList(),
        fmu.sizeBytes().isPresent() ? fmu.sizeBytes().getAsLong() : null,
        fmu.uploadedAt().orElse(null),
        fmu.builtIn());
  }
}
