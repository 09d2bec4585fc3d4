package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.persistence.database.EmbeddedDatabaseInUseException;
import com.fmugateway.adapter.out.persistence.database.SecretCheck;
import java.util.Map;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a refusal to start (another gateway owns the data folder, a secret that is not base64 or
 * not the one the database's keys were made with) into the one sentence that says what to do,
 * instead of a page of nested bean-creation traces.
 */
public final class StartRefusalAnalyzer implements FailureAnalyzer {

  private static final String SECRET_ACTION =
      "Set FMUGW_API_KEY_SECRET to the base64 secret every gateway on this database uses.";

  private static final Map<Class<? extends RuntimeException>, String> ACTIONS =
      Map.of(
          EmbeddedDatabaseInUseException.class,
          "Stop the other gateway, or start this one with another data folder.",
          SecretCheck.SecretMismatchException.class,
          SECRET_ACTION,
          ServerSecret.InvalidSecretException.class,
          SECRET_ACTION);

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      for (Map.Entry<Class<? extends RuntimeException>, String> refusal : ACTIONS.entrySet()) {
        if (refusal.getKey().isInstance(cause)) {
          return new FailureAnalysis(
              "The gateway refused to start: " + cause.getMessage(), refusal.getValue(), null);
        }
      }
    }
    return null;
  }
}
