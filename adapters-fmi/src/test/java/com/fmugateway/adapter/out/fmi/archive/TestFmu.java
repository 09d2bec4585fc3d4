package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.InspectedFmu;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small FMU that passes every check, whose parts tests replace one at a time: its description,
 * its entries, the limits it is inspected under.
 */
final class TestFmu {

  static final String BINARY = "binaries/linux64/Lag.so";

  static final String VARIABLES =
      """
      <ModelVariables>
        <ScalarVariable name="u" valueReference="0" causality="input" variability="continuous">
          <Real start="0"/>
        </ScalarVariable>
        <ScalarVariable name="y" valueReference="1" causality="output" initial="exact">
          <Real start="0" unit="m"/>
        </ScalarVariable>
      </ModelVariables>
      """;

  private TestFmu() {}

  /** A modelDescription.xml with both interfaces, a default experiment, and this body. */
  static String description(String body) {
    return description(
        "2.0",
        "<ModelExchange modelIdentifier=\"Lag\"/>" + "<CoSimulation modelIdentifier=\"Lag\"/>",
        body);
  }

  static String description(String fmiVersion, String interfaces, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <fmiModelDescription fmiVersion="%s" modelName="Lag" guid="{8c4e810f-3df3-4a00-8276-176fa3c9f000}"
            description="A first-order lag" generationTool="hand" numberOfEventIndicators="0">
          %s
          <DefaultExperiment startTime="0" stopTime="10"/>
          %s
        </fmiModelDescription>
        """
        .formatted(fmiVersion, interfaces, body);
  }

  /** The archive: the description above with two variables, and a (fake) Linux binary. */
  static TestZip archive() {
    return archive(description(VARIABLES));
  }

  static TestZip archive(String modelDescription) {
    return new TestZip()
        .with("modelDescription.xml", modelDescription)
        .with(BINARY, "not really an ELF file");
  }

  static InspectedFmu inspect(byte[] zip, Path folder) {
    return inspect(zip, folder, ArchiveLimits.defaults());
  }

  static InspectedFmu inspect(byte[] zip, Path folder, ArchiveLimits limits) {
    return new FmuArchiveInspector(limits).inspectNow(write(zip, folder));
  }

  static Path write(byte[] bytes, Path folder) {
    try {
      return Files.write(Files.createTempFile(folder, "upload", ".fmu"), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
