package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.fmu.model.ContinuousStates;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * ∂ẋ/∂x of a model-exchange FMU from its directional derivatives: unknowns the derivatives, knowns
 * the states, and seeding the unit vector e_j gives column j. Only offered when the description
 * says the FMU provides them and its states, element by element, add up to the number of continuous
 * states the master integrates; otherwise the master differences.
 */
final class DirectionalJacobian {

  /** One directional derivative: the FMU's ∂ẋ/∂x times {@code seed}, into {@code sensitivity}. */
  @FunctionalInterface
  interface Derivative {
    void compute(double[] seed, double[] sensitivity);
  }

  private final int[] states;
  private final int[] derivatives;
  private final double[] seed;
  private final double[] column;
  private double[] rows; // the matrix row by row, for a call that computes it whole; made on demand

  private DirectionalJacobian(int[] states, int[] derivatives, int n) {
    this.states = states;
    this.derivatives = derivatives;
    this.seed = new double[n];
    this.column = new double[n];
  }

  /** The Jacobian's source for a model with {@code n} continuous states, when it has one. */
  static Optional<DirectionalJacobian> of(ModelDescription description, int n) {
    ContinuousStates structure = description.continuousStates();
    if (!structure.directionalDerivatives() || n == 0) {
      return Optional.empty();
    }
    Map<Long, ModelVariable> byReference = new HashMap<>();
    for (ModelVariable variable : description.variables()) {
      byReference.putIfAbsent(variable.valueReference(), variable);
    }
    if (elements(structure.states(), byReference) != n
        || elements(structure.derivatives(), byReference) != n) {
      return Optional.empty();
    }
    return Optional.of(
        new DirectionalJacobian(
            references(structure.states()), references(structure.derivatives()), n));
  }

  /** Value references of the states, the knowns (unsigned 32-bit, as FMI passes them). */
  int[] states() {
    return states;
  }

  /** Value references of the state derivatives, the unknowns. */
  int[] derivatives() {
    return derivatives;
  }

  /** Fills {@code jacobian[i][j]} = ∂ẋ_i/∂x_j, one directional derivative per column. */
  void assemble(Derivative derivative, double[][] jacobian) {
    int n = seed.length;
    for (int j = 0; j < n; j++) {
      seed[j] = 1;
      try {
        derivative.compute(seed, column);
      } finally {
        seed[j] = 0;
      }
      for (int i = 0; i < n; i++) {
        jacobian[i][j] = column[i];
      }
    }
  }

  /**
   * The matrix row by row ({@code n * n} values), for a native call that computes it whole, in an
   * array kept for it; {@link #unpackRows} then copies it out.
   */
  double[] rows() {
    if (rows == null) {
      rows = new double[seed.length * seed.length];
    }
    return rows;
  }

  /** Copies {@link #rows()} into {@code jacobian[i][j]} = ∂ẋ_i/∂x_j. */
  void unpackRows(double[][] jacobian) {
    int n = seed.length;
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows, i * n, jacobian[i], 0, n);
    }
  }

  /** Total elements of Float64 (FMI 2.0: Real) variables, or -1 when one is not such. */
  private static long elements(List<Long> references, Map<Long, ModelVariable> byReference) {
    long total = 0;
    for (long reference : references) {
      ModelVariable variable = byReference.get(reference);
      if (variable == null
          || (variable.type() != VariableType.REAL && variable.type() != VariableType.FLOAT64)) {
        return -1;
      }
      OptionalLong count = variable.elementCount();
      if (count.isEmpty()) {
        return -1;
      }
      total += count.getAsLong();
    }
    return total;
  }

  /** fmi2ValueReference and fmi3ValueReference are unsigned 32-bit: each long's low bits. */
  private static int[] references(List<Long> values) {
    return values.stream().mapToInt(Long::intValue).toArray();
  }
}
