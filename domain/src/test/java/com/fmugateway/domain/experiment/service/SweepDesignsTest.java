package com.fmugateway.domain.experiment.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.experiment.model.ParameterSpec;
import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepDesignsTest {

  private static Map<String, ParameterSpec> params(Object... nameAndSpec) {
    Map<String, ParameterSpec> map = new LinkedHashMap<>();
    for (int i = 0; i < nameAndSpec.length; i += 2) {
      map.put((String) nameAndSpec[i], (ParameterSpec) nameAndSpec[i + 1]);
    }
    return map;
  }

  private static Sweep sampled(SweepMethod method, int samples, long seed, Object... params) {
    return new Sweep(method, params(params), OptionalInt.of(samples), seed, List.of());
  }

  @Test
  void fullFactorial_givesEveryCombination_lastParameterFastest() {
    Sweep sweep =
        new Sweep(
            SweepMethod.FULL_FACTORIAL,
            params(
                "e", new ParameterSpec.Range(0.5, 0.9, 3),
                "h", new ParameterSpec.Values(List.of(1.0, 2.0))),
            OptionalInt.empty(),
            0,
            List.of());

    List<Map<String, Object>> cases = SweepDesigns.cases(sweep);

    assertThat(sweep.caseCount()).isEqualTo(6);
    assertThat(cases).hasSize(6);
    assertThat(cases.get(0)).containsExactly(Map.entry("e", 0.5), Map.entry("h", 1.0));
    assertThat(cases.get(1)).containsExactly(Map.entry("e", 0.5), Map.entry("h", 2.0));
    assertThat(cases.get(5)).containsExactly(Map.entry("e", 0.9), Map.entry("h", 2.0));
    assertThat(new HashSet<>(cases)).hasSize(6);
  }

  @Test
  void latinHypercube_sameSeed_sameCases_otherSeed_otherCases() {
    Object[] p = {"e", new ParameterSpec.Uniform(0, 1), "h", new ParameterSpec.Normal(1, 0.1)};
    List<Map<String, Object>> first =
        SweepDesigns.cases(sampled(SweepMethod.LATIN_HYPERCUBE, 50, 42, p));
    List<Map<String, Object>> again =
        SweepDesigns.cases(sampled(SweepMethod.LATIN_HYPERCUBE, 50, 42, p));
    List<Map<String, Object>> other =
        SweepDesigns.cases(sampled(SweepMethod.LATIN_HYPERCUBE, 50, 43, p));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void latinHypercube_putsExactlyOneCaseInEachStratumOfEachParameter() {
    int n = 37;
    double[][] points = SweepDesigns.latinHypercube(n, 4, 7);

    for (int j = 0; j < 4; j++) {
      Set<Integer> strata = new HashSet<>();
      for (double[] point : points) {
        assertThat(point[j]).isGreaterThan(0).isLessThan(1);
        strata.add((int) Math.floor(point[j] * n));
      }
      assertThat(strata).hasSize(n);
    }
  }

  @Test
  void latinHypercube_mapsUniformOntoItsInterval() {
    List<Map<String, Object>> cases =
        SweepDesigns.cases(
            sampled(SweepMethod.LATIN_HYPERCUBE, 10, 1, "k", new ParameterSpec.Uniform(2, 4)));

    Set<Integer> strata = new HashSet<>();
    for (Map<String, Object> c : cases) {
      double k = (Double) c.get("k");
      assertThat(k).isBetween(2.0, 4.0);
      strata.add((int) Math.floor((k - 2) / 0.2));
    }
    assertThat(strata).hasSize(10);
  }

  @Test
  void sobol_startsWithTheKnownPointsOfTheSequence() {
    double[][] points = SweepDesigns.sobol(4, 3);

    // Joe–Kuo's sequence without its origin: (0.5,0.5,0.5), (0.75,0.25,0.25), (0.25,0.75,0.75), …
    assertThat(points[0]).containsExactly(0.5, 0.5, 0.5);
    assertThat(points[1]).containsExactly(0.75, 0.25, 0.25);
    assertThat(points[2]).containsExactly(0.25, 0.75, 0.75);
    assertThat(points[3]).containsExactly(0.375, 0.375, 0.625);
  }

  @Test
  void sobol_in21Dimensions_fillsEachDyadicIntervalOnce() {
    double[][] points = SweepDesigns.sobol(1023, 21);

    // Points 1..1023 plus the skipped origin are a (0,10)-net in each single dimension.
    for (int j = 0; j < 21; j++) {
      Set<Integer> cells = new HashSet<>();
      cells.add(0);
      for (double[] point : points) {
        cells.add((int) Math.floor(point[j] * 1024));
      }
      assertThat(cells).as("dimension %d", j + 1).hasSize(1024);
    }
  }

  @Test
  void normal_samplesHaveTheAskedMeanAndSpread() {
    List<Map<String, Object>> cases =
        SweepDesigns.cases(
            sampled(SweepMethod.LATIN_HYPERCUBE, 2000, 3, "x", new ParameterSpec.Normal(10, 2)));
    double mean = cases.stream().mapToDouble(c -> (Double) c.get("x")).average().orElseThrow();
    double var =
        cases.stream().mapToDouble(c -> Math.pow((Double) c.get("x") - mean, 2)).sum() / 1999;

    assertThat(mean).isCloseTo(10, org.assertj.core.data.Offset.offset(0.01));
    assertThat(Math.sqrt(var)).isCloseTo(2, org.assertj.core.data.Offset.offset(0.02));
  }

  @Test
  void cases_areTakenAsGiven() {
    Sweep sweep =
        new Sweep(
            SweepMethod.CASES,
            Map.of(),
            OptionalInt.empty(),
            0,
            List.of(Map.of("e", 0.7), Map.of("e", 0.8)));

    assertThat(SweepDesigns.cases(sweep)).containsExactly(Map.of("e", 0.7), Map.of("e", 0.8));
  }

  @Test
  void validation_namesTheField() {
    assertField(
        () -> sampled(SweepMethod.LATIN_HYPERCUBE, 0, 0, "e", new ParameterSpec.Uniform(0, 1)),
        "sweep.samples");
    assertField(
        () ->
            new Sweep(
                SweepMethod.FULL_FACTORIAL,
                params("e", new ParameterSpec.Uniform(0, 1)),
                OptionalInt.empty(),
                0,
                List.of()),
        "sweep.parameters.e");
    assertField(
        () ->
            new Sweep(
                SweepMethod.FULL_FACTORIAL,
                params("e", new ParameterSpec.Range(0, 1, 0)),
                OptionalInt.empty(),
                0,
                List.of()),
        "sweep.parameters.e.range.num");
    assertField(
        () -> sampled(SweepMethod.SOBOL, 8, 0, "k", new ParameterSpec.Normal(0, -1)),
        "sweep.parameters.k.normal.std");
    assertField(
        () -> sampled(SweepMethod.SOBOL, 8, 0, "k", new ParameterSpec.Uniform(2, 1)),
        "sweep.parameters.k.uniform.max");
    assertField(
        () -> new Sweep(SweepMethod.CASES, Map.of(), OptionalInt.empty(), 0, List.of()),
        "sweep.cases");
    assertField(() -> new Sweep(null, Map.of(), OptionalInt.empty(), 0, List.of()), "sweep.method");
    Object[] many = new Object[44];
    for (int i = 0; i < 22; i++) {
      many[2 * i] = "p" + i;
      many[2 * i + 1] = new ParameterSpec.Uniform(0, 1);
    }
    assertField(() -> sampled(SweepMethod.SOBOL, 8, 0, many), "sweep.parameters");
  }

  @Test
  void fullFactorialCount_doesNotOverflow() {
    Map<String, ParameterSpec> huge = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      huge.put("p" + i, new ParameterSpec.Range(0, 1, 1_000_000));
    }
    Sweep sweep = new Sweep(SweepMethod.FULL_FACTORIAL, huge, OptionalInt.empty(), 0, List.of());

    assertThat(sweep.caseCount()).isEqualTo(Long.MAX_VALUE);
  }

  private static void assertField(Runnable build, String field) {
    assertThatThrownBy(build::run)
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo(field);
  }
}
