package com.fmugateway.domain.simulation.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The settings a run was asked with, as the caller sent them (unresolved: no defaults filled in),
 * kept with the run so it can be asked again the same way. No payment details: they are not
 * settings of the run.
 */
public record RunRequest(
    OptionalDouble startTime,
    OptionalDouble stopTime,
    OptionalDouble step,
    Map<String, Object> startValues,
    List<Signal> inputSignals,
    List<String> outputs,
    List<String> kpis,
    Optional<String> fmuInterface,
    Optional<String> solver,
    OptionalDouble rtol,
    OptionalDouble atol,
    Map<String, List<Double>> clockTicks) {

  /**
   * An input signal as it was sent: {@code values} as the JSON had them (numbers exact, a 64-bit
   * integer never as a double; lists for array inputs).
   */
  public record Signal(String name, List<Double> time, List<Object> values, String interpolation) {

    public Signal {
      Objects.requireNonNull(name, "name");
      time = List.copyOf(time);
      values = List.copyOf(values);
    }
  }

  public RunRequest {
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(stopTime, "stopTime");
    Objects.requireNonNull(step, "step");
    // Insertion order kept (the form shows them back as typed); no nulls.
    startValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startValues));
    inputSignals = List.copyOf(inputSignals);
    outputs = List.copyOf(outputs);
    kpis = List.copyOf(kpis);
    Objects.requireNonNull(fmuInterface, "fmuInterface");
    Objects.requireNonNull(solver, "solver");
    Objects.requireNonNull(rtol, "rtol");
    Objects.requireNonNull(atol, "atol");
    Map<String, List<Double>> ticks = new LinkedHashMap<>();
    clockTicks.forEach((clock, times) -> ticks.put(clock, List.copyOf(times)));
    clockTicks = java.util.Collections.unmodifiableMap(ticks);
  }
}
