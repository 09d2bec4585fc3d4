package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ClockTiming;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * Checks the caller's clock schedule: only a scheduled execution run takes one, each name is a
 * triggered input clock of the model, and its times ascend strictly within start and stop. Also
 * caps the activations known before the run (periodic ticks and the caller's) at the output limit.
 */
final class ClockTicks {

  private ClockTicks() {}

  static Map<String, List<Double>> check(
      Map<String, List<Double>> ticks,
      FmuInterface chosen,
      ModelDescription model,
      double start,
      double stop,
      long maxSamples) {
    if (!ticks.isEmpty() && chosen != FmuInterface.SCHEDULED_EXECUTION) {
      throw new InvalidInputException(
          "clockTicks", "only a scheduled execution run (interface \"se\") takes clock ticks");
    }
    long activations = 0;
    for (Map.Entry<String, List<Double>> entry : ticks.entrySet()) {
      String field = "clockTicks." + entry.getKey();
      ModelVariable clock =
          model
              .variable(entry.getKey())
              .filter(v -> v.type() == VariableType.CLOCK)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          field,
                          "'" + entry.getKey() + "' is not a Clock of " + model.modelName()));
      if (clock.causality() != Causality.INPUT
          || !clock.clock().map(t -> t.intervalVariability().equals("triggered")).orElse(false)) {
        throw new InvalidInputException(
            field, "'" + clock.name() + "' is not a triggered input clock; only those take ticks");
      }
      List<Double> times = entry.getValue();
      for (int i = 0; i < times.size(); i++) {
        double t = times.get(i);
        if (t < start || t > stop) {
          throw new InvalidInputException(
              field + "[" + i + "]", t + " is outside start_time and stop_time");
        }
        if (i > 0 && t <= times.get(i - 1)) {
          throw new InvalidInputException(field + "[" + i + "]", "times must ascend strictly");
        }
      }
      activations += times.size();
    }
    if (chosen == FmuInterface.SCHEDULED_EXECUTION) {
      activations += periodicTicks(model, start, stop);
      if (activations > maxSamples) {
        throw new InvalidInputException(
            ticks.isEmpty() ? "stopTime" : "clockTicks",
            "gives "
                + activations
                + " clock activations; the limit is "
                + maxSamples
                + ": use a shorter run or fewer ticks");
      }
    }
    return ticks;
  }

  /** Ticks of the periodic input clocks whose interval the description states. */
  private static long periodicTicks(ModelDescription model, double start, double stop) {
    long total = 0;
    for (ModelVariable variable : model.variables()) {
      if (variable.type() != VariableType.CLOCK || variable.causality() != Causality.INPUT) {
        continue;
      }
      ClockTiming timing = variable.clock().orElse(null);
      if (timing == null || !timing.periodic() || timing.interval().isEmpty()) {
        continue;
      }
      double interval = timing.interval().getAsDouble();
      double first = start + timing.shift().orElse(0);
      if (interval > 0 && first <= stop) {
        double count = Math.floor((stop - first) / interval * (1 + 1e-12)) + 1;
        total = count >= Long.MAX_VALUE - total ? Long.MAX_VALUE : total + (long) count;
      }
    }
    return total;
  }
}
