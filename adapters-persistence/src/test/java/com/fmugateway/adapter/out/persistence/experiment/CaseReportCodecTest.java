package com.fmugateway.adapter.out.persistence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Provenance;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseReportCodecTest {

  @Test
  void anFmi3CaseWithInt64AndUInt64Columns_isStoredAndReadBackExactly() {
    SimulationResult result =
        new SimulationResult(
            new double[] {0, 1},
            List.of(
                new Column.Whole("k", new long[] {9007199254740993L, Long.MIN_VALUE}, false),
                new Column.Whole("n", new long[] {1, -1}, true),
                new Column.Text("bytes", List.of("00", "cafe"))),
            2,
            0,
            Duration.ofMillis(1),
            List.of());
    SimulationReport report =
        new SimulationReport(
            UUID.randomUUID(),
            new FmuId("lib:Feedthrough3"),
            result,
            Map.of(),
            new Provenance(
                new Sha256("b".repeat(64)),
                "3.0",
                FmuInterface.CO_SIMULATION,
                Optional.empty(),
                "test",
                Duration.ofMillis(2),
                Duration.ofMillis(1),
                2,
                0),
            10,
            10,
            Optional.empty(),
            Optional.empty());

    SimulationResult back = CaseReportCodec.read(CaseReportCodec.write(report)).result();

    assertThat(back.columns()).isEqualTo(result.columns());
    assertThat(back.column("n").orElseThrow().valueAt(1).toString())
        .isEqualTo("18446744073709551615");
  }
}
