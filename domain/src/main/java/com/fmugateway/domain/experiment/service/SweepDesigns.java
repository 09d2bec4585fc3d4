package com.fmugateway.domain.experiment.service;

import com.fmugateway.domain.experiment.model.ParameterSpec;
import com.fmugateway.domain.experiment.model.Sweep;
import com.fmugateway.domain.experiment.model.SweepMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns a sweep into its cases: one map of start values per case, parameters in the order given.
 * Deterministic: sampling designs draw from a generator seeded by the sweep's {@code seed}.
 */
final class SweepDesigns {

  private SweepDesigns() {}

  static List<Map<String, Object>> cases(Sweep sweep) {
    SweepMethod method = sweep.method();
    if (method == SweepMethod.CASES) {
      return sweep.cases();
    }
    if (method == SweepMethod.FULL_FACTORIAL) {
      return fullFactorial(sweep.parameters());
    }
    int samples = sweep.samples().getAsInt();
    double[][] unit =
        method == SweepMethod.SOBOL
            ? sobol(samples, sweep.parameters().size())
            : latinHypercube(samples, sweep.parameters().size(), sweep.seed());
    List<String> names = List.copyOf(sweep.parameters().keySet());
    List<Map<String, Object>> cases = new ArrayList<>(samples);
    for (double[] point : unit) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int j = 0; j < names.size(); j++) {
        values.put(names.get(j), sweep.parameters().get(names.get(j)).at(point[j]));
      }
      cases.add(values);
    }
    return cases;
  }

  /** Every combination; the last parameter varies fastest. */
  private static List<Map<String, Object>> fullFactorial(Map<String, ParameterSpec> parameters) {
    List<Map<String, Object>> cases = new ArrayList<>();
    cases.add(new LinkedHashMap<>());
    for (Map.Entry<String, ParameterSpec> parameter : parameters.entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> partial : cases) {
        for (Object level : parameter.getValue().levels()) {
          Map<String, Object> extended = new LinkedHashMap<>(partial);
          extended.put(parameter.getKey(), level);
          next.add(extended);
        }
      }
      cases = next;
    }
    return cases;
  }

  /**
   * Each dimension cut into {@code n} equal strata; each stratum used by exactly one case (a
   * shuffled permutation per dimension), at a uniformly drawn point inside it.
   */
  static double[][] latinHypercube(int n, int dimensions, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] points = new double[n][dimensions];
    int[] strata = new int[n];
    for (int j = 0; j < dimensions; j++) {
      for (int i = 0; i < n; i++) {
        strata[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int k = random.nextInt(i + 1);
        int swap = strata[i];
        strata[i] = strata[k];
        strata[k] = swap;
      }
      for (int i = 0; i < n; i++) {
        points[i][j] = (strata[i] + openUnit(random)) / n;
      }
    }
    return points;
  }

  static double[][] sobol(int n, int dimensions) {
    SobolSequence sequence = new SobolSequence(dimensions);
    double[][] points = new double[n][];
    for (int i = 0; i < n; i++) {
      points[i] = sequence.next();
    }
    return points;
  }

  /** Uniform on the open interval (0, 1): never 0, so a normal quantile stays finite. */
  private static double openUnit(SplittableRandom random) {
    return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
  }
}
