package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Scheduled execution of the built-in Clocks3, whose counters model.c predicts: {@code tick} every
 * 0.5 s from 0, outClock on every 2nd tick, the countdown 0.2 s after every 3rd tick.
 */
class Fmi3ScheduledRunnerTest {

  private static final SimulationEngine ENGINE = TestEngine.SHARED;
  private static final Path CLOCKS3 = library("Clocks3");
  private static final ModelDescription DESCRIPTION =
      new FmuArchiveInspector().inspectNow(CLOCKS3).description();

  @Test
  void givenATriggerSchedule_scheduledExecution_runsEveryClockWhenItIsDue() {
    Plans plans =
        Plans.forDescription(DESCRIPTION)
            .on(FmuInterface.SCHEDULED_EXECUTION)
            .until(5, 1)
            .start("increment", 3)
            .ticks("trigger", 0.3, 1.0, 2.25)
            .outputs("ticks", "triggers", "countdowns", "outTicks", "sum");

    SimulationResult result = ENGINE.run(CLOCKS3, DESCRIPTION, plans.build());

    // 11 ticks, the triggers at 0.3 and 2.25 (1.0 is a tick's time too), countdowns 1.2, 2.7, 4.2.
    assertThat(result.time())
        .containsExactly(
            new double[] {0, 0.3, 0.5, 1, 1.2, 1.5, 2, 2.25, 2.5, 2.7, 3, 3.5, 4, 4.2, 4.5, 5},
            offset(1e-12));
    assertThat(last(result, "ticks")).isEqualTo(11);
    assertThat(last(result, "triggers")).isEqualTo(3);
    assertThat(last(result, "sum")).isEqualTo(9);
    assertThat(last(result, "countdowns")).isEqualTo(3);
    assertThat(last(result, "outTicks")).isEqualTo(5);
    assertThat(result.clockEvents()).containsOnlyKeys("outClock");
    assertThat(result.clockEvents().get("outClock")).containsExactly(0.5, 1.5, 2.5, 3.5, 4.5);
    assertThat(result.steps()).as("partition activations").isEqualTo(17);
    assertThat(result.events()).as("output clock ticks").isEqualTo(5);
  }

  @Test
  void aSecondRunOfTheSameArchive_onTheCopyTheFirstLoaded_givesTheSameResult() {
    SimulationEngine engine = new SimulationEngine();
    Plans plans =
        Plans.forDescription(DESCRIPTION)
            .on(FmuInterface.SCHEDULED_EXECUTION)
            .until(2, 1)
            .start("increment", 3)
            .ticks("trigger", 0.3)
            .outputs("ticks", "triggers", "sum");

    SimulationResult first = engine.run(CLOCKS3, DESCRIPTION, plans.build());
    SimulationResult second = engine.run(CLOCKS3, DESCRIPTION, plans.build());

    assertThat(second.time()).containsExactly(first.time());
    assertThat(second.columns()).isEqualTo(first.columns());
    assertThat(last(second, "sum")).isEqualTo(last(first, "sum"));
    engine.unloadIdleCopies();
  }

  @Test
  void atOneTime_theTickPartitionRunsBeforeTheTriggerOfLowerPriority() {
    Plans plans =
        Plans.forDescription(DESCRIPTION)
            .on(FmuInterface.SCHEDULED_EXECUTION)
            .until(1, 1)
            .ticks("trigger", 1.0)
            .outputs("ticks", "triggers");

    SimulationResult result = ENGINE.run(CLOCKS3, DESCRIPTION, plans.build());

    assertThat(result.time()).containsExactly(0, 0.5, 1);
    assertThat(values(result, "ticks")).containsExactly(1, 2, 3);
    assertThat(values(result, "triggers"))
        .as("the row shows both partitions")
        .containsExactly(0, 0, 1);
  }

  @Test
  void givenAStopBeforeTheSecondTick_theRunHasOneRowAndNoOutputClockEvents() {
    Plans plans =
        Plans.forDescription(DESCRIPTION)
            .on(FmuInterface.SCHEDULED_EXECUTION)
            .until(0.4, 0.1)
            .outputs("ticks", "triggers");

    SimulationResult result = ENGINE.run(CLOCKS3, DESCRIPTION, plans.build());

    assertThat(result.time()).containsExactly(0);
    assertThat(values(result, "ticks")).containsExactly(1);
    assertThat(result.clockEvents().get("outClock")).isEmpty();
  }

  private static int last(SimulationResult result, String name) {
    int[] values = values(result, name);
    return values[values.length - 1];
  }

  private static int[] values(SimulationResult result, String name) {
    return ((Column.Integer) result.column(name).orElseThrow()).values();
  }

  private static Path library(String model) {
    try {
      return Path.of(
          Fmi3ScheduledRunnerTest.class.getResource("/fmi/library3/" + model + ".fmu").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
