package com.fmugateway.domain.fmu.model;

import java.util.List;
import java.util.Objects;

/** A validated FMU archive: its description and the platforms it ships binaries for. */
public record InspectedFmu(ModelDescription description, List<String> platforms) {

  public InspectedFmu {
    Objects.requireNonNull(description, "description");
    platforms = List.copyOf(platforms);
  }
}
