package com.fmugateway.adapter.in.portal.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.experiment.model.ParameterSpec;
import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTextTest {

  private static ExperimentForm form(
      String method, String parameters, String samples, String cases) {
    return new ExperimentForm(
        "lib:BouncingBall",
        "1",
        "0.1",
        "",
        "h",
        "",
        method,
        parameters,
        samples,
        "7",
        cases,
        "quote");
  }

  @Test
  void everyKindOfParameter_isReadOneALine() {
    Sweep sweep =
        SweepText.read(
            form(
                "latin_hypercube",
                "e: values 0.6, 0.7\n\n g : range 9 10 3\nh: uniform 1 2\nv: normal 0 0.5",
                "8",
                ""));

    assertThat(sweep.method()).isEqualTo(SweepMethod.LATIN_HYPERCUBE);
    assertThat(sweep.samples()).hasValue(8);
    assertThat(sweep.seed()).isEqualTo(7);
    assertThat(sweep.parameters())
        .containsExactly(
            Map.entry("e", new ParameterSpec.Values(List.of(0.6, 0.7))),
            Map.entry("g", new ParameterSpec.Range(9, 10, 3)),
            Map.entry("h", new ParameterSpec.Uniform(1, 2)),
            Map.entry("v", new ParameterSpec.Normal(0, 0.5)));
  }

  @Test
  void aFullFactorial_takesNoSamples_andCasesAreListedALine() {
    assertThat(SweepText.read(form("full_factorial", "e: range 0 1 5", "12", "")).caseCount())
        .isEqualTo(5);
    Sweep cases = SweepText.read(form("cases", "ignored: here", "", "e=0.5, g=9\ne=0.6; g=10"));
    assertThat(cases.cases())
        .containsExactly(Map.of("e", 0.5, "g", 9.0), Map.of("e", 0.6, "g", 10.0));
  }

  @Test
  void aLineThatCannotBeRead_namesTheFieldAndSaysHowToWriteIt() {
    assertThatThrownBy(() -> SweepText.read(form("sobol", "e: range 0 1", "4", "")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("range start stop num");
    assertThatThrownBy(() -> SweepText.read(form("sobol", "e 0 1", "4", "")))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("parameters");
    assertThatThrownBy(() -> SweepText.read(form("sobol", "e: uniform 0 1", "many", "")))
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("samples");
    assertThatThrownBy(() -> SweepText.read(form("grid", "e: uniform 0 1", "", "")))
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("method");
  }
}
