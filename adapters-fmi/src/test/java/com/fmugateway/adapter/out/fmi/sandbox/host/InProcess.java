package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.engine.SimulationEngine;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.nio.file.Path;

/** What the engine returns for a run in this JVM, the reference a sandboxed run must match. */
final class InProcess {

  private InProcess() {}

  /** Runs on an engine of its own, whose unpacked copy of the FMU is deleted afterwards. */
  static SimulationResult run(Path archive, ModelDescription description, SimulationPlan plan) {
    SimulationEngine engine = new SimulationEngine();
    try {
      return engine.run(archive, description, plan);
    } finally {
      engine.unloadIdleCopies();
    }
  }
}
