package com.fmugateway.adapter.out.persistence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fixtures.Reports;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A case's stored result: what a scheduled execution and FMI 3.0 types give, and older results. */
class CaseReportCodecTest {

  @Test
  void aScheduledExecutionResult_keepsItsClockEventsAndWholeColumns() {
    SimulationResult result =
        new SimulationResult(
            new double[] {0, 0.3, 0.5},
            List.of(
                new Column.Integer("ticks", new int[] {1, 1, 2}),
                new Column.Whole("big", new long[] {9007199254740993L, 1, 2}, false),
                new Column.Whole("huge", new long[] {-1L, 0, 1}, true),
                new Column.Text("bytes", List.of("00", "cafe", ""))),
            3,
            0,
            Duration.ofMillis(2),
            List.of(),
            Map.of("outClock", List.of(0.5), "never", List.of()),
            Optional.empty(),
            Set.of());

    SimulationReport read = CaseReportCodec.read(CaseReportCodec.write(report(result)));

    assertThat(read.result()).isEqualTo(result);
    assertThat(read.result().clockEvents())
        .containsEntry("outClock", List.of(0.5))
        .containsEntry("never", List.of());
    assertThat(read.result().column("huge").orElseThrow().valueAt(0))
        .hasToString("18446744073709551615");
  }

  @Test
  void aResultStoredBeforeClockEventsWereKept_stillReads() {
    SimulationResult result =
        new SimulationResult(
            new double[] {0, 1},
            List.of(new Column.Real("h", new double[] {1, Double.NaN})),
            2,
            1,
            Duration.ofMillis(1),
            List.of("a log line"),
            Map.of(),
            Optional.empty(),
            Set.of());
    byte[] current = CaseReportCodec.write(report(result));
    // Version 1 is version 3 without the clock events and array names that end it (four bytes
    // each: none).
    byte[] first = Arrays.copyOf(current, current.length - 8);
    first[0] = 1;

    SimulationReport read = CaseReportCodec.read(first);

    assertThat(read.result()).isEqualTo(result);
    assertThat(read.result().clockEvents()).isEmpty();
    assertThat(read.costCredits()).isEqualTo(Reports.COST_CREDITS);
  }

  private static SimulationReport report(SimulationResult result) {
    return Reports.of(
        UUID.randomUUID(), new FmuId("lib:Clocks3"), result, FmuInterface.SCHEDULED_EXECUTION);
  }
}
