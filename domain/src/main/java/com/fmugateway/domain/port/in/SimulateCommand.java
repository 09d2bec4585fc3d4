package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.common.InvalidInputException;
import com.fmugateway.domain.model.fmu.FmuId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Command: run an FMU. Checks what it can on its own (required fields, finite numbers); what
 * depends on the model (names, types, causality, defaults) is checked against its description.
 * Field names in errors are the API's ({@code stopTime} is shown as {@code stop_time}).
 */
public record SimulateCommand(
    AccountId caller,
    FmuId fmuId,
    OptionalDouble startTime,
    OptionalDouble stopTime,
    OptionalDouble step,
    Map<String, Object> startValues,
    List<SignalSpec> inputSignals,
    List<String> outputs,
    List<String> kpis,
    Optional<String> fmuInterface,
    Optional<String> solver,
    OptionalDouble rtol,
    OptionalDouble atol) {

  /** An input signal as the caller sent it. */
  public record SignalSpec(String name, double[] time, double[] values, String interpolation) {}

  public SimulateCommand {
    Objects.requireNonNull(caller, "caller");
    if (fmuId == null || fmuId.value().isBlank()) {
      throw new InvalidInputException("fmuId", "is required");
    }
    finite("startTime", startTime);
    finite("stopTime", stopTime);
    finite("step", step);
    finite("rtol", rtol);
    finite("atol", atol);
    startValues = startValues == null ? Map.of() : Map.copyOf(startValues);
    inputSignals = inputSignals == null ? List.of() : List.copyOf(inputSignals);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
    kpis = kpis == null ? List.of() : List.copyOf(kpis);
    Objects.requireNonNull(fmuInterface, "fmuInterface");
    Objects.requireNonNull(solver, "solver");
  }

  private static void finite(String field, OptionalDouble value) {
    Objects.requireNonNull(value, field);
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new InvalidInputException(field, "must be a finite number");
    }
  }
}
