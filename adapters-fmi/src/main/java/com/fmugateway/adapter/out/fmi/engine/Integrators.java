package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.Solver;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.EulerIntegrator;

/**
 * The integrator for a plan's solver settings: for Dormand–Prince ({@code auto}'s start) and the
 * Rosenbrock method ({@code auto}'s switch) the engine's own steppers, for the other kinds
 * Hipparchus' integrators.
 */
final class Integrators {

  private Integrators() {}

  /**
   * Hipparchus' integrator for the kinds {@link #stepper} does not take. Fixed-step kinds step by
   * {@code maxStep}, else by the output interval. Adaptive kinds may not go below a step of 1e-12
   * of the time scale: a model that needs less has a discontinuity its event indicators do not
   * announce, and failing beats crawling until the timeout.
   */
  static ODEIntegrator create(SimulationPlan plan) {
    Solver solver = plan.solver();
    double span = plan.stopTime() - plan.startTime();
    // A hair over the nominal step: segments are whole numbers of steps only up to rounding, and
    // Hipparchus would finish such a segment with an extra step a few ulps long.
    double fixedStep = solver.maxStep().orElse(plan.outputInterval()) * (1 + 1e-9);
    double maxStep = solver.maxStep().orElse(span);
    double minStep = minStep(plan, maxStep);
    return switch (solver.kind()) {
      case EULER -> new EulerIntegrator(fixedStep);
      case RK4 -> new ClassicalRungeKuttaIntegrator(fixedStep);
      case DORMAND_PRINCE, AUTO, ROSENBROCK ->
          throw new IllegalArgumentException(
              solver.kind() + " steps through the engine's stepper, not a Hipparchus integrator");
      case DORMAND_PRINCE_853 ->
          new DormandPrince853Integrator(minStep, maxStep, solver.atol(), solver.rtol());
    };
  }

  /**
   * The engine's own stepper, allocating nothing per step: Dormand–Prince 5(4) for {@code
   * dormand_prince} and {@code auto} (until it switches to {@link #stiff}), the Rosenbrock method
   * for {@code rosenbrock}; null for the other kinds.
   */
  static Stepper stepper(SimulationPlan plan, int dimension) {
    Solver solver = plan.solver();
    double maxStep = solver.maxStep().orElse(plan.stopTime() - plan.startTime());
    return switch (solver.kind()) {
      case DORMAND_PRINCE, AUTO ->
          new DormandPrince54Stepper(
              dimension, minStep(plan, maxStep), maxStep, solver.atol(), solver.rtol());
      case ROSENBROCK -> stiff(plan, dimension);
      case EULER, RK4, DORMAND_PRINCE_853 -> null;
    };
  }

  /**
   * The Rosenbrock method with the plan's tolerances: {@code rosenbrock}, and where {@code auto}
   * switches to.
   */
  static RosenbrockStepper stiff(SimulationPlan plan, int dimension) {
    Solver solver = plan.solver();
    double maxStep = solver.maxStep().orElse(plan.stopTime() - plan.startTime());
    return new RosenbrockStepper(
        dimension, minStep(plan, maxStep), maxStep, solver.atol(), solver.rtol());
  }

  /**
   * The smallest step, relative to where the run starts: a stiff model's first transient needs
   * steps far below its horizon (Robertson to 1e11 s starts with steps of 1e-5 s). Scaled by the
   * stop time, it refused such runs outright; a step too small for a later time to move is caught
   * by the run's time limit instead.
   */
  private static double minStep(SimulationPlan plan, double maxStep) {
    double scale = Math.max(1.0, Math.abs(plan.startTime()));
    return Math.min(1e-12 * scale, maxStep);
  }
}
