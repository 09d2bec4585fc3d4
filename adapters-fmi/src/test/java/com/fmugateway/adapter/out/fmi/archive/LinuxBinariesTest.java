package com.fmugateway.adapter.out.fmi.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.InspectedFmu;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which interfaces survive, judged by the x86_64 Linux binaries the archive ships. */
class LinuxBinariesTest {

  private static final String TWO_IDENTIFIERS =
      "<ModelExchange modelIdentifier=\"LagMe\"/><CoSimulation modelIdentifier=\"LagCs\"/>";

  @TempDir Path folder;

  @Test
  void givenNoLinuxBinary_inspect_namesThePathItExpected() {
    byte[] zip =
        TestFmu.archive().without(TestFmu.BINARY).with("binaries/win64/Lag.dll", "pe").bytes();

    assertThatThrownBy(() -> TestFmu.inspect(zip, folder))
        .isInstanceOf(InvalidFmuException.class)
        .hasMessage(
            "The FMU has no x86_64 Linux binary: expected binaries/linux64/Lag.so; export it for"
                + " Linux x86_64 (it ships win64)");
  }

  @Test
  void givenTwoIdentifiersAndNoBinaries_inspect_namesBothPaths() {
    byte[] zip =
        new TestZip()
            .with("modelDescription.xml", TestFmu.description("2.0", TWO_IDENTIFIERS, ""))
            .bytes();

    assertThatThrownBy(() -> TestFmu.inspect(zip, folder))
        .hasMessage(
            "The FMU has no x86_64 Linux binary: expected binaries/linux64/LagCs.so or"
                + " binaries/linux64/LagMe.so; export it for Linux x86_64 (it ships no binaries)");
  }

  @Test
  void givenBinaryForCoSimulationOnly_inspect_dropsModelExchange() {
    byte[] zip =
        new TestZip()
            .with("modelDescription.xml", TestFmu.description("2.0", TWO_IDENTIFIERS, ""))
            .with("binaries/linux64/LagCs.so", "elf")
            .bytes();

    InspectedFmu inspected = TestFmu.inspect(zip, folder);

    assertThat(inspected.description().modelIdentifiers())
        .isEqualTo(Map.of(FmuInterface.CO_SIMULATION, "LagCs"));
  }

  @Test
  void givenBinaryInASubfolder_inspect_doesNotCountIt() {
    byte[] zip =
        TestFmu.archive()
            .without(TestFmu.BINARY)
            .with("binaries/linux64/old/Lag.so", "elf")
            .bytes();

    assertThatThrownBy(() -> TestFmu.inspect(zip, folder))
        .hasMessageStartingWith("The FMU has no x86_64 Linux binary");
  }

  @Test
  void givenSeveralPlatformFolders_inspect_listsThoseHoldingFiles() {
    byte[] zip =
        TestFmu.archive()
            .with("binaries/win64/Lag.dll", "pe")
            .with("binaries/darwin64/", new byte[0])
            .with("binaries/README.txt", "not a platform")
            .bytes();

    assertThat(TestFmu.inspect(zip, folder).platforms()).containsExactly("linux64", "win64");
  }
}
