package com.fmugateway.adapter.out.fmi.fmi3;

import java.util.OptionalDouble;

/** What fmi3UpdateDiscreteStates reported after one event iteration. */
public record Fmi3DiscreteStates(
    boolean discreteStatesNeedUpdate,
    boolean terminateSimulation,
    boolean nominalsOfContinuousStatesChanged,
    boolean valuesOfContinuousStatesChanged,
    OptionalDouble nextEventTime) {}
