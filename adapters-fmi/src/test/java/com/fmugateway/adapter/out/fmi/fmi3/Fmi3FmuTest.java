package com.fmugateway.adapter.out.fmi.fmi3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.NativeLibrary;
import java.lang.reflect.Proxy;
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

  @Test
  void twoDifferentFmusLoadedAtOnce_eachCallsItsOwnCode_andALibraryLoadedAfterOneClosedToo() {
    try (Fmi3TestFmus.Loaded ball = Fmi3TestFmus.load("BouncingBall3", tempDir.resolve("a"));
        Fmi3TestFmus.Loaded feed = Fmi3TestFmus.load("Feedthrough3", tempDir.resolve("b"))) {
      // Both are bound directly, each to its own library's functions.
      assertThat(Proxy.isProxyClass(ball.fmu().library().getClass())).isFalse();
      assertThat(ball.fmu().library().getClass()).isNotSameAs(feed.fmu().library().getClass());
      try (Fmi3CoSimulation h = initialized(ball);
          Fmi3CoSimulation copy = initialized(feed)) {
        assertThat(h.values().getFloat64(1)).as("BouncingBall3's h").isEqualTo(1.0);
        assertThat(copy.values().getInt64(new int[] {18}, 1)).containsExactly(9007199254740993L);
      }

      ball.close();
      // The closed library's binding serves the next library loaded, StateSpace3's.
      try (Fmi3TestFmus.Loaded next = Fmi3TestFmus.load("StateSpace3", tempDir.resolve("c"));
          Fmi3CoSimulation states = initialized(next);
          Fmi3CoSimulation again = initialized(feed)) {
        assertThat(states.values().getFloat64(new int[] {6}, 3)).as("x(0)").containsOnly(1.0);
        assertThat(again.values().getInt64(new int[] {18}, 1)).containsExactly(9007199254740993L);
      }
      assertThatThrownBy(() -> ball.fmu().library())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }

  @Test
  void aLibraryWithoutEveryFmi3Function_isNotBoundDirectly() {
    // The C library has none of them; an FMU that leaves some out stays on interface mapping,
    // which looks each function up only when it is first called.
    NativeLibrary libc = NativeLibrary.getInstance("c");

    assertThat(Fmi3DirectBinding.bind(libc, null)).isEmpty();
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
