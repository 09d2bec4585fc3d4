package com.fmugateway.domain.fmu.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An FMU as a list of models shows it: a caller's upload (with its size and when it came) or a
 * built-in library model ({@code builtIn}, neither of those).
 */
public record FmuListing(
    FmuId id,
    String modelName,
    String fmiVersion,
    List<FmuInterface> interfaces,
    OptionalLong sizeBytes,
    Optional<Instant> uploadedAt,
    boolean builtIn) {

  public FmuListing {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(fmiVersion, "fmiVersion");
    interfaces = List.copyOf(interfaces);
    Objects.requireNonNull(sizeBytes, "sizeBytes");
    Objects.requireNonNull(uploadedAt, "uploadedAt");
  }

  public static FmuListing of(FmuRecord upload) {
    return new FmuListing(
        upload.id(),
        upload.modelName(),
        upload.fmiVersion(),
        sorted(upload.interfaces()),
        OptionalLong.of(upload.sizeBytes()),
        Optional.of(upload.createdAt()),
        false);
  }

  public static FmuListing of(LibraryModel model) {
    ModelDescription description = model.inspected().description();
    return new FmuListing(
        model.artifact().id(),
        description.modelName(),
        description.fmiVersion(),
        sorted(description.interfaces()),
        OptionalLong.empty(),
        Optional.empty(),
        true);
  }

  private static List<FmuInterface> sorted(Set<FmuInterface> interfaces) {
    return interfaces.stream().sorted().toList();
  }
}
