package com.fmugateway.adapter.out.fmi.engine;

import org.hipparchus.ode.OrdinaryDifferentialEquation;

/** Small ODEs and result rows for the tests comparing the engine's step loop with Hipparchus'. */
final class TestOdes {

  private TestOdes() {}

  /** A right-hand side that writes the derivatives at {@code (t, y)} into {@code d}. */
  interface Rhs {
    void into(double t, double[] y, double[] d);
  }

  /** An ODE that writes its derivatives into one array, as the FMU's does. */
  static OrdinaryDifferentialEquation ode(int dimension, Rhs rhs) {
    double[] d = new double[dimension];
    return new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return dimension;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        rhs.into(t, y, d);
        return d;
      }
    };
  }

  /** {time, state...}. */
  static double[] row(double time, double[] state) {
    double[] row = new double[state.length + 1];
    row[0] = time;
    System.arraycopy(state, 0, row, 1, state.length);
    return row;
  }

  /** A step as {start, end, end state...}. */
  static double[] row(double start, double end, double[] state) {
    double[] row = new double[state.length + 2];
    row[0] = start;
    row[1] = end;
    System.arraycopy(state, 0, row, 2, state.length);
    return row;
  }
}
