package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationPlan;

/**
 * The communication points a native co-simulation loop takes a chunk at a time ({@link
 * NativeCoSimulation}, FMI 3.0's {@code Fmi3NativeSteps}), with no inputs to split steps at: one
 * step per output interval, from the FMU's own time (a sum of steps) to the next sample time; a
 * sample time already reached takes no step (a negative step).
 */
final class CommunicationPoints {

  final double[] times;
  final double[] steps;
  final double[] targets;
  private final SimulationPlan plan;
  private double t; // the FMU's own time, a sum of steps
  private double nominal; // the last sample time stepped to

  CommunicationPoints(SimulationPlan plan) {
    int chunk = Math.min(CoSimulationRunner.CHUNK, Math.max(1, plan.sampleCount() - 1));
    this.plan = plan;
    this.times = new double[chunk];
    this.steps = new double[chunk];
    this.targets = new double[chunk];
    this.t = plan.startTime();
    this.nominal = t;
  }

  int capacity() {
    return times.length;
  }

  /** Fills the chunk with the points for samples {@code first ..}; returns how many. */
  int fill(int first) {
    int n = Math.min(capacity(), plan.sampleCount() - first);
    double next = t;
    double reached = nominal;
    for (int k = 0; k < n; k++) {
      double target = plan.sampleTime(first + k);
      targets[k] = target;
      times[k] = next;
      steps[k] = -1;
      if (reached < target) {
        steps[k] = Times.stepTo(next, target);
        next += steps[k];
        reached = target;
      }
    }
    return n;
  }

  /** Point {@code k} of the chunk is done: the next chunk starts after it; true if it stepped. */
  boolean completed(int k) {
    if (steps[k] < 0) {
      return false;
    }
    t = times[k] + steps[k];
    nominal = targets[k];
    return true;
  }
}
