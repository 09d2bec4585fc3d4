package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.persistence.database.SecretCheck;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start refused for the API key secret says why in one sentence, not in a stack trace: the secret
 * does not match the database's keys, or is not base64.
 */
class ServerSecretFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
    if (!(cause instanceof SecretCheck.SecretMismatchException)
        && !(cause instanceof ServerSecret.InvalidSecretException)) {
      return null;
    }
    return new FailureAnalysis(
        cause.getMessage(),
        "Set FMUGW_API_KEY_SECRET to the base64 secret every gateway on this database uses.",
        cause);
  }
}
