package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.simulation.model.RunRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A past run as the dashboard and the history list it: by its model's name (a library model's from
 * its id, an upload's as recorded; the id when neither is known); the status names a failure's
 * cause.
 */
public record RunView(
    UUID id,
    Instant createdAt,
    String fmuId,
    String modelName,
    String fmuInterface,
    String status,
    long costCredits) {

  public static RunView of(RunRecord run) {
    String status = run.status().name().toLowerCase(Locale.ROOT);
    FmuId fmu = new FmuId(run.fmuId());
    return new RunView(
        run.id(),
        run.createdAt(),
        run.fmuId(),
        run.modelName().orElse(fmu.isLibrary() ? fmu.libraryName() : run.fmuId()),
        run.fmuInterface(),
        run.failureCause()
            .map(cause -> status + " (" + cause.toLowerCase(Locale.ROOT) + ")")
            .orElse(status),
        run.costCredits());
  }
}
