package com.fmugateway.adapter.in.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompactResultTest {

  @Test
  void aLongRun_isCutTo200EvenlySpreadRows_withTheFirstAndLastSample() {
    SimulationResult result = ramp(301);

    Map<String, Object> table = CompactResult.table(result, CompactResult.MAX_ROWS);

    List<?> rows = (List<?>) table.get("rows");
    assertThat(rows).hasSize(200);
    assertThat(rows.get(0)).isEqualTo(List.of(0.0, 0.0));
    assertThat(rows.get(199)).isEqualTo(List.of(3.0, 300.0));
    assertThat(table)
        .containsEntry("columns", List.of("time", "y"))
        .containsEntry("total_rows", 301)
        .containsEntry("downsampled", true);
    int[] picked = CompactResult.indices(301, 200);
    assertThat(IntStream.range(1, picked.length).map(i -> picked[i] - picked[i - 1]))
        .allSatisfy(gap -> assertThat(gap).isBetween(1, 2));
  }

  @Test
  void aShortRun_isReturnedWhole_andZeroRowsLeavesOnlyTheFinalValues() {
    SimulationResult result = ramp(11);

    assertThat((List<?>) CompactResult.table(result, 200).get("rows")).hasSize(11);
    assertThat(CompactResult.table(result, 200)).containsEntry("downsampled", false);
    assertThat(CompactResult.table(result, 0)).isNull();
    assertThat(CompactResult.finalValues(result))
        .containsEntry("time", 0.1)
        .containsEntry("y", 10.0);
  }

  private static SimulationResult ramp(int samples) {
    double[] time = new double[samples];
    double[] y = new double[samples];
    for (int i = 0; i < samples; i++) {
      time[i] = i / 100.0;
      y[i] = i;
    }
    return new SimulationResult(
        time,
        List.of(new Column.Real("y", y)),
        samples,
        0,
        Duration.ZERO,
        List.of(),
        Map.of(),
        Optional.empty(),
        Set.of());
  }
}
