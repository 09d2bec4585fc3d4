package com.fmugateway.adapter.in.portal.model;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.FmuListing;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/** An upload as the models page and the run form list it: its name first, its id behind it. */
public record UploadView(
    String id, String name, String fmiVersion, String interfaces, String size, Instant uploadedAt) {

  public static UploadView of(FmuListing fmu) {
    return new UploadView(
        fmu.id().value(),
        fmu.modelName(),
        fmu.fmiVersion(),
        fmu.interfaces().stream().map(FmuInterface::code).collect(Collectors.joining(", ")),
        fmu.sizeBytes().isPresent() ? size(fmu.sizeBytes().getAsLong()) : "",
        fmu.uploadedAt().orElse(null));
  }

  /** What the run form's suggestion shows for it. */
  public String label() {
    return name
        + " (uploaded"
        + (uploadedAt == null ? "" : " " + uploadedAt.toString().substring(0, 10))
        + ")";
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
