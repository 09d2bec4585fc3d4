package com.fmugateway.domain.fmu.model;

import java.nio.file.Path;
import java.util.Objects;

/** Upload bytes written to a private staging file, hashed on the way in, not yet kept. */
public record StagedFmu(Path file, Sha256 sha256, long sizeBytes) {

  public StagedFmu {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
  }
}
