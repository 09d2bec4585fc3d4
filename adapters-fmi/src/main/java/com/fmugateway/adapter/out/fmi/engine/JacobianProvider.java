package com.fmugateway.adapter.out.fmi.engine;

/**
 * An ODE that may know the Jacobian of its right-hand side itself, so that {@link
 * RosenbrockStepper} need not difference it.
 */
interface JacobianProvider {

  /** False when the integrator must use finite differences. */
  boolean providesJacobian();

  /** df/dy at {@code (t, y)} into {@code jacobian[i][j]} = ∂f_i/∂y_j, every entry written. */
  void computeJacobian(double t, double[] y, double[][] jacobian);
}
