package com.fmugateway.adapter.out.fmi.engine;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import no.ntnu.ihb.fmi4j.importer.fmi2.Fmu;

/**
 * One loaded copy of an FMI 2.0 FMU ({@link LoadedFmus}): FMI4j's, and its binaries opened once
 * more through JNA, for {@link NativeCoSimulation} and {@link Fmi2DirectionalDerivative}, on first
 * use and until the copy is unloaded. Opening the same file again returns the handle FMI4j holds
 * (one copy of the code and its globals); opening and closing it for every run cost as much as a
 * small FMU's whole run.
 */
final class Fmi2Copy {

  // RTLD_NOW | RTLD_LOCAL: JNA's default RTLD_GLOBAL would let this FMU's symbols stand in for
  // those of FMUs loaded after it in the same process.
  private static final int OPEN_FLAGS = 2;

  private final Fmu fmu;

  /** By model identifier; empty where the binary could not be opened. One run at a time. */
  private final Map<String, Optional<NativeLibrary>> binaries = new HashMap<>();

  Fmi2Copy(Fmu fmu) {
    this.fmu = fmu;
  }

  Fmu fmu() {
    return fmu;
  }

  /** The binary named {@code modelIdentifier}, opened on first use; empty when it cannot be. */
  Optional<NativeLibrary> binary(String modelIdentifier) {
    return binaries.computeIfAbsent(modelIdentifier, this::open);
  }

  private Optional<NativeLibrary> open(String modelIdentifier) {
    String binary = fmu.getAbsoluteLibraryPath(modelIdentifier).getAbsolutePath();
    try {
      return Optional.of(
          NativeLibrary.getInstance(binary, Map.of(Library.OPTION_OPEN_FLAGS, OPEN_FLAGS)));
    } catch (UnsatisfiedLinkError e) {
      return Optional.empty();
    }
  }

  /** Drops our handles on the binaries, then has FMI4j unload them and delete the folder. */
  void unload() {
    binaries.values().forEach(binary -> binary.ifPresent(NativeLibrary::close));
    Fmi4jInstances.close(fmu);
  }
}
