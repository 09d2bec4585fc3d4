package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What our own FMI 2.0 logger ({@link NativeFmi2Log}) keeps of what an FMU logs, in-process:
 * FMI4j's logger aborts the process on a message longer than 1,000 bytes, so none of this ran in
 * the engine before, only in a sandboxed worker that then crashed.
 */
class NativeFmi2LogTest {

  private final SimulationEngine engine = new SimulationEngine();

  @Test
  void aMessageLongerThanFmi4jsBuffer_isKeptWhole() {
    SimulationResult result = run(flood().start("messages", 2).start("messageBytes", 5000));

    assertThat(result.fmuLog())
        .containsExactly(
            "[OK] logEvents: " + "x".repeat(5000), "[OK] logEvents: " + "x".repeat(5000));
  }

  @Test
  void aFloodOfLongMessages_isCutAtTheLogsCap_andTheRunStillSucceeds() {
    // 2,048 messages of 1 MiB: gigabytes, were each one kept or even formatted twice.
    SimulationResult result = run(flood().start("messages", 2048));

    assertThat(result.time()).containsExactly(0.0, 1.0);
    assertThat(result.fmuLog()).containsExactly(FmuLog.TRUNCATED);
  }

  @Test
  void manyMessages_keepTheirOrderUpToTheCap_thenSayTheLogWasTruncated() {
    SimulationResult result = run(flood().start("messages", 1000).start("messageBytes", 1000));

    assertThat(result.fmuLog()).last().isEqualTo(FmuLog.TRUNCATED);
    assertThat(result.fmuLog().subList(0, result.fmuLog().size() - 1))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).isEqualTo("[OK] logEvents: " + "x".repeat(1000)));
    assertThat(String.join("", result.fmuLog()).length())
        .isLessThanOrEqualTo(FmuLog.MAX_CHARS + 32);
  }

  private SimulationResult run(Plans plans) {
    return engine.run(fixture(), plans.description(), plans.build());
  }

  private static Plans flood() {
    return Plans.forDescription(new FmuArchiveInspector().inspectNow(fixture()).description())
        .on(FmuInterface.CO_SIMULATION)
        .until(1, 1)
        .start("streamMiB", 0)
        .outputs();
  }

  private static Path fixture() {
    try {
      return Path.of(NativeFmi2LogTest.class.getResource("/fmi/hostile/LogFlood.fmu").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
