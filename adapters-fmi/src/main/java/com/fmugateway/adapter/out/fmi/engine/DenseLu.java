package com.fmugateway.adapter.out.fmi.engine;

import java.util.Optional;

/**
 * LU factors of a small dense matrix with partial pivoting: the Rosenbrock method solves three
 * systems per step with one factorisation of its iteration matrix.
 */
final class DenseLu {

  private final double[][] lu;
  private final int[] pivot;

  private DenseLu(double[][] lu, int[] pivot) {
    this.lu = lu;
    this.pivot = pivot;
  }

  /** Factors {@code a} (left untouched); empty when it is singular or not finite. */
  static Optional<DenseLu> factor(double[][] a) {
    int n = a.length;
    double[][] lu = new double[n][];
    for (int i = 0; i < n; i++) {
      lu[i] = a[i].clone();
    }
    int[] pivot = new int[n];
    for (int k = 0; k < n; k++) {
      int p = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) {
          p = i;
        }
      }
      double max = Math.abs(lu[p][k]);
      if (max == 0 || !Double.isFinite(max)) {
        return Optional.empty();
      }
      pivot[k] = p;
      double[] row = lu[p];
      lu[p] = lu[k];
      lu[k] = row;
      for (int i = k + 1; i < n; i++) {
        double m = lu[i][k] / lu[k][k];
        lu[i][k] = m;
        for (int j = k + 1; j < n; j++) {
          lu[i][j] -= m * lu[k][j];
        }
      }
    }
    return Optional.of(new DenseLu(lu, pivot));
  }

  /** The solution x of {@code a x = b}. */
  double[] solve(double[] b) {
    int n = lu.length;
    double[] x = b.clone();
    for (int k = 0; k < n; k++) {
      double swap = x[pivot[k]];
      x[pivot[k]] = x[k];
      x[k] = swap;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        x[i] -= lu[i][j] * x[j];
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      for (int j = i + 1; j < n; j++) {
        x[i] -= lu[i][j] * x[j];
      }
      x[i] /= lu[i][i];
    }
    return x;
  }
}
