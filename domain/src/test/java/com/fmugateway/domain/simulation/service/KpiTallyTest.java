package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.Kpi;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KpiTallyTest {

  private static final List<Kpi> EVERY_KIND =
      Arrays.stream(Kpi.Kind.values()).map(kind -> new Kpi("y", kind)).toList();

  @Test
  void kpisTalliedChunkByChunk_areExactlyThoseOfTheWholeResult() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 10_007;
    double[] time = new double[n];
    double[] y = new double[n];
    for (int i = 1; i < n; i++) {
      time[i] = time[i - 1] + random.nextDouble(0.001, 0.1);
      y[i] = random.nextDouble(-5, 5);
    }
    SimulationResult result =
        new SimulationResult(
            time,
            List.of(new Column.Real("y", y)),
            0,
            0,
            Duration.ZERO,
            List.of(),
            Map.of(),
            Optional.empty(),
            Set.of());

    for (int chunk : new int[] {1, 64, 4096, n}) {
      KpiTally tally = new KpiTally(EVERY_KIND);
      for (ResultPart part : ResultPart.split(result, ResultLayout.ROWS, Set.of(), chunk)) {
        if (part instanceof ResultPart.Chunk samples) {
          tally.add(samples);
        }
      }
      assertThat(tally.values()).isEqualTo(KpiValues.of(EVERY_KIND, result));
    }
  }

  @Test
  void oneSampleOrNoSpan_givesTheSampleItselfAsMeanAndRms() {
    SimulationResult single =
        new SimulationResult(
            new double[] {2, 2},
            List.of(new Column.Real("y", new double[] {-3, 4})),
            0,
            0,
            Duration.ZERO,
            List.of(),
            Map.of(),
            Optional.empty(),
            Set.of());
    KpiTally tally = new KpiTally(EVERY_KIND);

    ResultPart.split(single, ResultLayout.ROWS, Set.of(), 1).stream()
        .filter(ResultPart.Chunk.class::isInstance)
        .forEach(part -> tally.add((ResultPart.Chunk) part));

    assertThat(tally.values()).isEqualTo(KpiValues.of(EVERY_KIND, single));
  }
}
