package com.fmugateway.adapter.in.http.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.experiment.model.CaseStatus;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseCsvTest {

  /**
   * A case's numbers in the digits a run's own result gives them: the fewest that read back as the
   * same double (Java 17's {@code Double.toString} writes this KPI with 17), the non-finite ones
   * spelt as in results.
   */
  @Test
  void numbers_areWrittenAsRunResultsWriteThem() {
    ExperimentCase done =
        new ExperimentCase(
            UUID.randomUUID(),
            UUID.randomUUID(),
            0,
            Map.of("k", 6.666843278055655E16),
            CaseStatus.SUCCEEDED,
            Optional.of("node-1"),
            Optional.empty(),
            3,
            Map.of("x_max", 6.666843278055655E16, "x_mean", Double.NaN),
            Optional.empty(),
            Optional.empty());

    List<String> lines = CaseCsv.of(List.of(done)).collectList().block();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .contains(",6.666843278055655E16,")
        .doesNotContain("6.6668432780556552E16")
        .contains(",NaN,");
  }
}
