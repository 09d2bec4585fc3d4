package com.fmugateway.domain.fmu.model;

import java.util.Objects;

/** A model of the built-in library, ready to run. */
public record LibraryModel(FmuArtifact artifact, InspectedFmu inspected) {

  public LibraryModel {
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(inspected, "inspected");
  }
}
