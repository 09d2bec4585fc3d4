package com.fmugateway.domain.fmu.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** An FMU the caller may use, library or own upload, with everything needed to show or run it. */
public record ResolvedFmu(
    FmuArtifact artifact, InspectedFmu inspected, Optional<FmuRecord> upload) {

  public ResolvedFmu {
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(inspected, "inspected");
    Objects.requireNonNull(upload, "upload");
  }

  public static ResolvedFmu of(LibraryModel model) {
    return new ResolvedFmu(model.artifact(), model.inspected(), Optional.empty());
  }

  /** A caller's own upload, kept at {@code archive}. */
  public static ResolvedFmu ofUpload(FmuRecord record, Path archive, InspectedFmu inspected) {
    return new ResolvedFmu(
        new FmuArtifact(record.id(), record.sha256(), archive, inspected.description(), false),
        inspected,
        Optional.of(record));
  }

  public ModelDescription description() {
    return inspected.description();
  }
}
