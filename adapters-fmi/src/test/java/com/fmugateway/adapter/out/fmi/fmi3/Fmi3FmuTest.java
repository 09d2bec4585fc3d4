package com.fmugateway.adapter.out.fmi.fmi3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fmi3FmuTest {

  @TempDir Path tempDir;

  @Test
  void aModelIdentifierThatIsNoCIdentifier_isRefusedBeforeAnyFileIsTouched() {
    assertThatThrownBy(() -> Fmi3Fmu.load(tempDir, "../../lib/evil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid modelIdentifier");
  }

  @Test
  void anFmuWithoutALinuxBinary_isRefused() throws Exception {
    Files.createDirectories(tempDir.resolve("binaries/x86_64-windows"));

    assertThatThrownBy(() -> Fmi3Fmu.load(tempDir, "Model"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no x86_64-linux binary");
  }

  @Test
  void theSameFmuUnpackedTwice_loadsTwoLibrariesWhoseInstancesAreIndependent() {
    try (Fmi3TestFmus.Loaded first = Fmi3TestFmus.load("Feedthrough3", tempDir.resolve("a"));
        Fmi3TestFmus.Loaded second = Fmi3TestFmus.load("Feedthrough3", tempDir.resolve("b"));
        Fmi3CoSimulation one = initialized(first);
        Fmi3CoSimulation other = initialized(second)) {
      one.values().setInt64(new int[] {17}, 1L);

      // Closing one library must leave the other's code mapped and working.
      first.close();

      assertThat(other.values().getInt64(new int[] {18}, 1)).containsExactly(9007199254740993L);
      assertThat(second.fmu().resourcePath())
          .startsWith(tempDir.resolve("b").toString())
          .endsWith("/");
    }
  }

  private static Fmi3CoSimulation initialized(Fmi3TestFmus.Loaded fmu) {
    Fmi3CoSimulation cs =
        Fmi3Instance.instantiateCoSimulation(
            fmu.fmu(), "twice", fmu.token(), false, false, null, null);
    cs.enterInitializationMode(0);
    cs.exitInitializationMode();
    return cs;
  }
}
