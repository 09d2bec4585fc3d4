package com.fmugateway.domain.fmu.model;

import java.util.List;

/**
 * A model-exchange FMU's continuous states as its model structure orders them: the value reference
 * of each state and of its derivative, pairwise, and whether the FMU computes the Jacobian of the
 * derivatives itself ({@code providesDirectionalDerivative(s)} on its ModelExchange element). An
 * FMI 3.0 array state is one pair standing for all its elements.
 */
public record ContinuousStates(
    List<Long> states, List<Long> derivatives, boolean directionalDerivatives) {

  public ContinuousStates {
    states = List.copyOf(states);
    derivatives = List.copyOf(derivatives);
    if (states.size() != derivatives.size()) {
      throw new IllegalArgumentException(
          states.size() + " states but " + derivatives.size() + " derivatives");
    }
  }

  /** Nothing known: the master finds the states by asking the FMU and differentiates itself. */
  public static ContinuousStates unknown() {
    return new ContinuousStates(List.of(), List.of(), false);
  }
}
