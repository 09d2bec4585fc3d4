package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.persistence.database.EmbeddedDatabaseInUseException;
import java.util.List;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a refusal to start (another gateway owns the data directory, a secret that does not fit)
 * into the one sentence that says what to do, instead of a page of nested bean-creation traces.
 */
public final class StartRefusalAnalyzer implements FailureAnalyzer {

  private static final List<Class<? extends RuntimeException>> REFUSALS =
      List.of(StartRefusedException.class, EmbeddedDatabaseInUseException.class);

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      Throwable candidate = cause;
      if (REFUSALS.stream().anyMatch(type -> type.isInstance(candidate))) {
        return new FailureAnalysis(
            "The gateway refused to start: " + candidate.getMessage() + ".",
            "Fix the cause above and start the gateway again.",
            null);
      }
    }
    return null;
  }
}
