package com.fmugateway.domain.simulation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fmugateway.domain.shared.model.InvalidInputException;
import org.junit.jupiter.api.Test;

class KpiTest {

  @Test
  void parse_splitsAtTheLastUnderscoreSoVariablesMayContainThem() {
    assertThat(Kpi.parse("real_out_max")).isEqualTo(new Kpi("real_out", Kpi.Kind.MAX));
    assertThat(Kpi.parse("h_rms").name()).isEqualTo("h_rms");
  }

  @Test
  void parse_rejectsUnknownKindsNamingTheField() {
    assertThatThrownBy(() -> Kpi.parse("h_median"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rms|mean|min|max|peak|final")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("kpis");
    assertThatThrownBy(() -> Kpi.parse("h")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void statistics_ofARampAreTheAnalyticOnes() {
    int n = 1001;
    double[] t = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i / 1000.0;
      x[i] = 2 * t[i] - 1; // from -1 to 1
    }

    assertThat(new Kpi("x", Kpi.Kind.MEAN).of(t, x)).isCloseTo(0, within(1e-12));
    assertThat(new Kpi("x", Kpi.Kind.RMS).of(t, x)).isCloseTo(Math.sqrt(1.0 / 3), within(1e-6));
    assertThat(new Kpi("x", Kpi.Kind.MIN).of(t, x)).isEqualTo(-1);
    assertThat(new Kpi("x", Kpi.Kind.MAX).of(t, x)).isEqualTo(1);
    assertThat(new Kpi("x", Kpi.Kind.PEAK).of(t, x)).isEqualTo(1);
    assertThat(new Kpi("x", Kpi.Kind.FINAL).of(t, x)).isEqualTo(1);
  }

  @Test
  void mean_isTimeWeightedSoUnevenSamplingDoesNotBiasIt() {
    double[] t = {0, 0.1, 0.2, 10};
    double[] x = {5, 5, 5, 5};

    assertThat(new Kpi("x", Kpi.Kind.MEAN).of(t, x)).isEqualTo(5);
  }
}
