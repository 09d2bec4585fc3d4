package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.junit.jupiter.api.Test;

class DormandPrince54SamplingTest {

  /** A damped oscillator driven by sin t: both states move, and not as a polynomial. */
  private static final OrdinaryDifferentialEquation OSCILLATOR =
      new OrdinaryDifferentialEquation() {
        @Override
        public int getDimension() {
          return 2;
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
          return new double[] {y[1], -y[0] - 0.3 * y[1] + Math.sin(t)};
        }
      };

  @Test
  void theStateInsideEveryStepIsHipparchusOwnToTheLastBit() {
    HipparchusDormandPrince54 integrator = new HipparchusDormandPrince54(1e-12, 10, 1e-8, 1e-6);
    List<String> kinds = new ArrayList<>();
    List<double[][]> pairs = new ArrayList<>();
    double[] into = new double[2]; // one for all, as the engine's
    integrator.addStepHandler(
        step -> {
          kinds.add(step.getClass().getSimpleName());
          double from = step.getPreviousState().getTime();
          double to = step.getCurrentState().getTime();
          for (int k = 0; k <= 10; k++) {
            double t = from + (to - from) * k / 10;
            pairs.add(
                new double[][] {
                  HipparchusDormandPrince54.stateAt(step, t, into).clone(),
                  step.getInterpolatedState(t).getPrimaryState()
                });
          }
        });
    // A step-end handler makes Hipparchus hand over restricted copies, as in the engine.
    integrator.addStepEndHandler((state, forward) -> Action.CONTINUE);

    integrator.integrate(OSCILLATOR, new ODEState(0, new double[] {1, 0}), 20);

    assertThat(kinds).isNotEmpty().containsOnly("Interpolator");
    assertThat(pairs).hasSizeGreaterThan(100);
    for (double[][] pair : pairs) {
      assertThat(pair[0]).containsExactly(pair[1]);
    }
  }
}
