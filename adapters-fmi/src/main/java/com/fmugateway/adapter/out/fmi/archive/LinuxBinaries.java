package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.ModelDescription;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the interfaces the gateway can run, those whose x86_64 Linux binary ships in the archive,
 * and refuses an FMU that has none.
 */
final class LinuxBinaries {

  static final String PLATFORM = "linux64";
  static final String PLATFORM_3 = "x86_64-linux";

  private LinuxBinaries() {}

  /**
   * Where the FMI version of {@code description} puts the x86_64 Linux library of a model
   * identifier: {@code linux64} in FMI 2.0, the platform tuple {@code x86_64-linux} in FMI 3.0.
   */
  static String path(ModelDescription description, String modelIdentifier) {
    String platform = description.fmiVersion().startsWith("3") ? PLATFORM_3 : PLATFORM;
    return "binaries/" + platform + "/" + modelIdentifier + ".so";
  }

  static ModelDescription runnable(ModelDescription description, ArchiveContents contents) {
    Map<FmuInterface, String> kept = new EnumMap<>(FmuInterface.class);
    description
        .modelIdentifiers()
        .forEach(
            (kind, identifier) -> {
              if (contents.hasFile(path(description, identifier))) {
                kept.put(kind, identifier);
              }
            });
    if (kept.isEmpty()) {
      throw new InvalidFmuException(missing(description, contents.platforms()));
    }
    return new ModelDescription(
        description.fmiVersion(),
        description.modelName(),
        description.guid(),
        description.description(),
        description.generationTool(),
        kept,
        description.numberOfEventIndicators(),
        description.variables(),
        description.defaultExperiment(),
        description.continuousStates());
  }

  private static String missing(ModelDescription description, List<String> platforms) {
    String expected =
        description.modelIdentifiers().values().stream()
            .distinct()
            .sorted()
            .map(identifier -> path(description, identifier))
            .collect(Collectors.joining(" or "));
    String shipped =
        platforms.isEmpty() ? "it ships no binaries" : "it ships " + String.join(", ", platforms);
    return "The FMU has no x86_64 Linux binary: expected "
        + expected
        + "; export it for Linux x86_64 ("
        + shipped
        + ")";
  }
}
