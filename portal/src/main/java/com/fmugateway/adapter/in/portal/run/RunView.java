package com.fmugateway.adapter.in.portal.run;

import com.fmugateway.domain.simulation.model.RunRecord;
import java.time.Instant;
import java.util.Locale;

/** A past run as the dashboard and the history list it; the status names a failure's cause. */
public record RunView(
    Instant createdAt, String fmuId, String fmuInterface, String status, long costCredits) {

  public static RunView of(RunRecord run) {
    String status = run.status().name().toLowerCase(Locale.ROOT);
    return new RunView(
        run.createdAt(),
        run.fmuId(),
        run.fmuInterface(),
        run.failureCause()
            .map(cause -> status + " (" + cause.toLowerCase(Locale.ROOT) + ")")
            .orElse(status),
        run.costCredits());
  }
}
