package com.fmugateway.adapter.out.fmi.engine;

/**
 * One engine for the tests of a test JVM that need no engine of their own. Its idle copies stay
 * unpacked in the temporary folder until unloaded, so they are unloaded when the JVM exits: a
 * static engine's copies were left behind by every test run.
 */
final class TestEngine {

  static final SimulationEngine SHARED = unloadedAtExit(new SimulationEngine());

  private TestEngine() {}

  private static SimulationEngine unloadedAtExit(SimulationEngine engine) {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(engine::unloadIdleCopies, "fmugw-test-engine-unload"));
    return engine;
  }
}
