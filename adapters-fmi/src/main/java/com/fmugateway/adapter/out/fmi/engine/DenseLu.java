package com.fmugateway.adapter.out.fmi.engine;

/**
 * LU factors of a small dense matrix with partial pivoting, in arrays made once for its size: the
 * Rosenbrock method solves three systems per step with one factorisation of its iteration matrix.
 */
final class DenseLu {

  private final int n;
  private final double[][] lu;
  private final int[] pivot;

  /** For matrices of {@code n} rows and columns. */
  DenseLu(int n) {
    this.n = n;
    this.lu = new double[n][n];
    this.pivot = new int[n];
  }

  /**
   * Factors {@code a} (left untouched), replacing the factors held; false when it is singular or
   * not finite, and then the factors held are of no use.
   */
  boolean factor(double[][] a) {
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, lu[i], 0, n);
    }
    for (int k = 0; k < n; k++) {
      int p = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) {
          p = i;
        }
      }
      double max = Math.abs(lu[p][k]);
      if (max == 0 || !Double.isFinite(max)) {
        return false;
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
    return true;
  }

  /** The solution x of {@code a x = b} for the {@code a} last factored, into {@code x}. */
  void solve(double[] b, double[] x) {
    System.arraycopy(b, 0, x, 0, n);
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
  }
}
