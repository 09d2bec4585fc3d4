package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Pointer;
import java.util.List;

/** An FMI 3.0 model exchange instance: the importer integrates the continuous states. */
public final class Fmi3ModelExchange extends Fmi3Instance {

  /** fmi3CompletedIntegratorStep's out-arguments. */
  public record IntegratorStep(boolean enterEventMode, boolean terminateSimulation) {}

  // fmi3CompletedIntegratorStep's out-arguments, reused: it runs once per integrator step.
  private final byte[] enterEventMode = new byte[1];
  private final byte[] terminate = new byte[1];

  private Fmi3ModelExchange(Fmi3Fmu fmu, Fmi3Log log, Pointer handle) {
    super(fmu, log, handle, List.of(log));
  }

  static Fmi3ModelExchange instantiate(Fmi3Fmu fmu, String name, String token, Fmi3Log log) {
    Pointer handle =
        fmu.library()
            .fmi3InstantiateModelExchange(
                name, token, fmu.resourcePath(), bool(false), bool(true), Pointer.NULL, log);
    return new Fmi3ModelExchange(
        fmu, log, instantiated("fmi3InstantiateModelExchange", handle, log));
  }

  public void enterContinuousTimeMode() {
    check("fmi3EnterContinuousTimeMode", lib().fmi3EnterContinuousTimeMode(handle()));
  }

  public IntegratorStep completedIntegratorStep() {
    check(
        "fmi3CompletedIntegratorStep",
        lib().fmi3CompletedIntegratorStep(handle(), bool(true), enterEventMode, terminate));
    return new IntegratorStep(enterEventMode[0] != 0, terminate[0] != 0);
  }

  public void setTime(double time) {
    check("fmi3SetTime", lib().fmi3SetTime(handle(), time));
  }

  public int numberOfContinuousStates() {
    long[] n = new long[1];
    check("fmi3GetNumberOfContinuousStates", lib().fmi3GetNumberOfContinuousStates(handle(), n));
    return Math.toIntExact(n[0]);
  }

  public int numberOfEventIndicators() {
    long[] n = new long[1];
    check("fmi3GetNumberOfEventIndicators", lib().fmi3GetNumberOfEventIndicators(handle(), n));
    return Math.toIntExact(n[0]);
  }

  public void setContinuousStates(double... states) {
    check(
        "fmi3SetContinuousStates", lib().fmi3SetContinuousStates(handle(), states, states.length));
  }

  public double[] getContinuousStates() {
    double[] states = new double[numberOfContinuousStates()];
    getContinuousStates(states);
    return states;
  }

  /** Into the caller's array, one element a state: for a master that reuses its arrays. */
  public void getContinuousStates(double[] states) {
    check(
        "fmi3GetContinuousStates", lib().fmi3GetContinuousStates(handle(), states, states.length));
  }

  public double[] getContinuousStateDerivatives() {
    double[] derivatives = new double[numberOfContinuousStates()];
    getContinuousStateDerivatives(derivatives);
    return derivatives;
  }

  public void getContinuousStateDerivatives(double[] derivatives) {
    check(
        "fmi3GetContinuousStateDerivatives",
        lib().fmi3GetContinuousStateDerivatives(handle(), derivatives, derivatives.length));
  }

  public double[] getEventIndicators() {
    double[] indicators = new double[numberOfEventIndicators()];
    getEventIndicators(indicators);
    return indicators;
  }

  public void getEventIndicators(double[] indicators) {
    check(
        "fmi3GetEventIndicators",
        lib().fmi3GetEventIndicators(handle(), indicators, indicators.length));
  }

  public double[] getNominalsOfContinuousStates() {
    double[] nominals = new double[numberOfContinuousStates()];
    check(
        "fmi3GetNominalsOfContinuousStates",
        lib().fmi3GetNominalsOfContinuousStates(handle(), nominals, nominals.length));
    return nominals;
  }
}
