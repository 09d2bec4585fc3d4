package com.fmugateway.adapter.out.fmi.engine;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.util.Map;
import java.util.Optional;
import no.ntnu.ihb.fmi4j.importer.fmi2.Fmu;

/**
 * One loaded copy of an FMI 2.0 FMU ({@link LoadedFmus}): FMI4j's, and its co-simulation binary
 * opened once more through JNA for {@link NativeCoSimulation}, on first use and until the copy is
 * unloaded. Opening the same file again returns the handle FMI4j holds (one copy of the code and
 * its globals); opening and closing it for every run cost as much as a small FMU's whole run.
 */
final class Fmi2Copy {

  // RTLD_NOW | RTLD_LOCAL, as in Fmi2DirectionalDerivative.
  private static final int OPEN_FLAGS = 2;

  private final Fmu fmu;
  private NativeLibrary coSimulationBinary;
  private boolean opened;

  Fmi2Copy(Fmu fmu) {
    this.fmu = fmu;
  }

  Fmu fmu() {
    return fmu;
  }

  /** The co-simulation binary, opened on first use; empty when it cannot be. One run at a time. */
  Optional<NativeLibrary> coSimulationBinary(String modelIdentifier) {
    if (!opened) {
      opened = true;
      String binary = fmu.getAbsoluteLibraryPath(modelIdentifier).getAbsolutePath();
      try {
        coSimulationBinary =
            NativeLibrary.getInstance(binary, Map.of(Library.OPTION_OPEN_FLAGS, OPEN_FLAGS));
      } catch (UnsatisfiedLinkError e) {
        coSimulationBinary = null;
      }
    }
    return Optional.ofNullable(coSimulationBinary);
  }

  /** Drops our handle on the binary, then has FMI4j unload it and delete the folder. */
  void unload() {
    if (coSimulationBinary != null) {
      coSimulationBinary.close();
    }
    Fmi4jInstances.close(fmu);
  }
}
