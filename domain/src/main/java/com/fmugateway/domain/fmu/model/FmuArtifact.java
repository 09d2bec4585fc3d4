package com.fmugateway.domain.fmu.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An FMU ready to run: where its archive lies, its content address and its description. {@code
 * builtIn} marks our own library models, which may share workers across accounts.
 */
public record FmuArtifact(
    FmuId id, Sha256 sha256, Path archive, ModelDescription description, boolean builtIn) {

  public FmuArtifact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(description, "description");
  }
}
