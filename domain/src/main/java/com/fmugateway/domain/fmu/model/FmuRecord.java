package com.fmugateway.domain.fmu.model;

import com.fmugateway.domain.account.model.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An uploaded FMU as its owner's catalog keeps it; the bytes live in the FMU store by hash. {@code
 * interfaces} is empty for an upload kept before the catalog noted them.
 */
public record FmuRecord(
    FmuId id,
    AccountId owner,
    Sha256 sha256,
    String modelName,
    String fmiVersion,
    Set<FmuInterface> interfaces,
    long sizeBytes,
    Instant createdAt) {

  public FmuRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(fmiVersion, "fmiVersion");
    interfaces = Set.copyOf(interfaces);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
