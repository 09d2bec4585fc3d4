package com.fmugateway.domain.analytics.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One model's use in a period: runs, those that succeeded, the distinct accounts that ran it, and
 * the credits its runs cost (runs paid by a payment token cost none).
 */
public record ModelUsage(
    String fmuId,
    Optional<String> modelName,
    long runs,
    long succeeded,
    long accounts,
    long creditsSpent) {

  public ModelUsage {
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(modelName, "modelName");
  }
}
