package com.fmugateway.domain.fmu.model;

import com.fmugateway.domain.account.model.AccountId;
import java.time.Instant;
import java.util.Objects;

/** An uploaded FMU as its owner's catalog keeps it; the bytes live in the FMU store by hash. */
public record FmuRecord(
    FmuId id,
    AccountId owner,
    Sha256 sha256,
    String modelName,
    String fmiVersion,
    long sizeBytes,
    Instant createdAt) {

  public FmuRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(fmiVersion, "fmiVersion");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
