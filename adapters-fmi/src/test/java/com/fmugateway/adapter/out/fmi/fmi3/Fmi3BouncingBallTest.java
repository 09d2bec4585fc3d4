package com.fmugateway.adapter.out.fmi.fmi3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fmi3BouncingBallTest {

  private static final int H = 1;
  private static final int DER_H = 2;
  private static final int V = 3;
  private static final int DER_V = 4;
  private static final int G = 5;

  /** The FMI 2.0 BouncingBall's first impact at h0 = 1 m, g = 9.81 m/s2: sqrt(2 h0 / g). */
  private static final double FMI2_FIRST_IMPACT = 0.451523641;

  private static final double IMPACT_SPEED = Math.sqrt(2 * 9.81);
  private static final double STEP = 0.01;

  @TempDir Path tempDir;
  private Fmi3TestFmus.Loaded fmu;

  @BeforeEach
  void load() {
    fmu = Fmi3TestFmus.load("BouncingBall3", tempDir);
  }

  @AfterEach
  void unload() {
    fmu.close();
  }

  private Fmi3CoSimulation coSimulation(
      boolean eventMode, boolean earlyReturn, Fmi3CoSimulation.IntermediateUpdateHandler handler) {
    Fmi3CoSimulation cs =
        Fmi3Instance.instantiateCoSimulation(
            fmu.fmu(), "ball", fmu.token(), eventMode, earlyReturn, handler, line -> {});
    cs.enterInitializationMode(0);
    cs.exitInitializationMode();
    return cs;
  }

  @Test
  void withEventMode_theStepEndsAtTheImpact_andTheImporterBouncesTheBall() {
    try (Fmi3CoSimulation cs = coSimulation(true, true, null)) {
      cs.enterStepMode(); // eventModeUsed: initialization ends in event mode
      double t = 0;
      Fmi3CoSimulation.StepResult step;
      do {
        step = cs.doStep(t, STEP);
        t = step.lastSuccessfulTime();
      } while (!step.eventHandlingNeeded());

      assertThat(step.earlyReturn()).isTrue();
      assertThat(step.lastSuccessfulTime()).isCloseTo(FMI2_FIRST_IMPACT, within(1e-9));
      assertThat(cs.values().getFloat64(H)).isEqualTo(0.0);
      assertThat(cs.values().getFloat64(V)).isCloseTo(-IMPACT_SPEED, within(1e-12));

      cs.enterEventMode();
      Fmi3DiscreteStates update = cs.updateDiscreteStates();
      cs.enterStepMode();

      assertThat(update.valuesOfContinuousStatesChanged()).isTrue();
      assertThat(update.discreteStatesNeedUpdate()).isFalse();
      assertThat(cs.values().getFloat64(V)).isCloseTo(0.7 * IMPACT_SPEED, within(1e-12));
      // The next step starts at the impact and goes on to the next communication point.
      step = cs.doStep(t, 0.46 - t);
      assertThat(step.eventHandlingNeeded()).isFalse();
      assertThat(step.lastSuccessfulTime()).isEqualTo(0.46);
    }
  }

  @Test
  void withoutEventMode_theFmuBouncesItself_andAnnouncesTheImpact() {
    List<Double> impacts = new ArrayList<>();
    try (Fmi3CoSimulation cs =
        coSimulation(
            false,
            false,
            update -> {
              impacts.add(update.time());
              return true; // ignored: early return is not allowed
            })) {
      double t = 0;
      while (t < 1.5 - 1e-12) {
        Fmi3CoSimulation.StepResult step = cs.doStep(t, STEP);
        assertThat(step.earlyReturn()).isFalse();
        t = step.lastSuccessfulTime();
      }
      double t2 = FMI2_FIRST_IMPACT + 2 * 0.7 * IMPACT_SPEED / 9.81;

      assertThat(impacts).hasSize(2);
      assertThat(impacts.get(0)).isCloseTo(FMI2_FIRST_IMPACT, within(1e-9));
      assertThat(impacts.get(1)).isCloseTo(t2, within(1e-9));
      // At t = 1.5 the ball flies its third arc, which starts at t2 with 0.49 of the first
      // impact speed (the third impact is only at 1.53 s).
      double dt = 1.5 - t2;
      double v3 = 0.49 * IMPACT_SPEED;
      assertThat(cs.values().getFloat64(H)).isCloseTo(v3 * dt - 9.81 * dt * dt / 2, within(1e-9));
    }
  }

  @Test
  void earlyReturnRequested_inTheIntermediateUpdate_endsTheStepRightAfterTheBounce() {
    try (Fmi3CoSimulation cs = coSimulation(false, true, update -> update.canReturnEarly())) {
      Fmi3CoSimulation.StepResult step = cs.doStep(0, 1.0);

      assertThat(step.earlyReturn()).isTrue();
      assertThat(step.eventHandlingNeeded()).isFalse();
      assertThat(step.lastSuccessfulTime()).isCloseTo(FMI2_FIRST_IMPACT, within(1e-9));
      assertThat(cs.values().getFloat64(V)).isCloseTo(0.7 * IMPACT_SPEED, within(1e-12));
    }
  }

  @Test
  void modelExchange_givesDerivativesIndicatorsAndTheJacobian() {
    try (Fmi3ModelExchange me =
        Fmi3Instance.instantiateModelExchange(fmu.fmu(), "ball", fmu.token(), line -> {})) {
      me.enterInitializationMode(0);
      me.exitInitializationMode();
      me.updateDiscreteStates();
      me.enterContinuousTimeMode();

      assertThat(me.getContinuousStates()).containsExactly(1.0, 0.0);
      assertThat(me.getContinuousStateDerivatives()).containsExactly(0.0, -9.81);
      assertThat(me.getEventIndicators()).containsExactly(1.0);

      me.setTime(0.1);
      me.setContinuousStates(0.5, -1.0);

      assertThat(me.getContinuousStateDerivatives()).containsExactly(-1.0, -9.81);
      assertThat(me.getEventIndicators()).containsExactly(0.5);
      assertThat(
              me.getDirectionalDerivative(
                  new int[] {DER_H, DER_V}, new int[] {V}, new double[] {1}, 2))
          .containsExactly(1.0, 0.0);
      assertThat(me.getDirectionalDerivative(new int[] {DER_V}, new int[] {G}, new double[] {2}, 1))
          .containsExactly(-2.0);
    }
  }

  @Test
  void modelExchange_aCrossingHandledInEventMode_bouncesTheBall() {
    try (Fmi3ModelExchange me =
        Fmi3Instance.instantiateModelExchange(fmu.fmu(), "ball", fmu.token(), line -> {})) {
      me.enterInitializationMode(0);
      me.exitInitializationMode();
      me.updateDiscreteStates();
      me.enterContinuousTimeMode();
      // As an integrator would after overshooting the ground slightly.
      me.setTime(0.452);
      me.setContinuousStates(-1e-4, -4.0);
      me.enterEventMode();

      Fmi3DiscreteStates update = me.updateDiscreteStates();

      assertThat(update.valuesOfContinuousStatesChanged()).isTrue();
      assertThat(update.nextEventTime()).isEmpty();
      me.enterContinuousTimeMode();
      assertThat(me.getContinuousStates()).containsExactly(0.0, 2.8);
    }
  }
}
