package com.fmugateway.domain.simulation.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.RunRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Command: run an FMU. Checks what it can on its own (required fields, finite numbers); what
 * depends on the model (names, types, causality, defaults) is checked against its description.
 * Field names in errors are the API's ({@code stopTime} is shown as {@code stop_time}). {@code
 * payment} says how to pay when credits do not cover the run; {@code tier} is the caller's, as
 * authenticated.
 */
public record SimulateCommand(
    AccountId caller,
    Tier tier,
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
    OptionalDouble atol,
    PaymentChoice payment) {

  /** An input signal as the caller sent it. */
  public record SignalSpec(String name, double[] time, double[] values, String interpolation) {}

  public SimulateCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(tier, "tier");
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
    Objects.requireNonNull(payment, "payment");
  }

  /** The run's settings, to keep with the run: everything but who asks and how they pay. */
  public RunRequest request() {
    return new RunRequest(
        startTime,
        stopTime,
        step,
        startValues,
        inputSignals.stream()
            .filter(Objects::nonNull)
            .map(
                s ->
                    new RunRequest.Signal(
                        s.name() == null ? "" : s.name(),
                        boxed(s.time()),
                        boxed(s.values()),
                        s.interpolation()))
            .toList(),
        outputs,
        kpis,
        fmuInterface,
        solver,
        rtol,
        atol);
  }

  private static List<Double> boxed(double[] values) {
    return values == null ? List.of() : Arrays.stream(values).boxed().toList();
  }

  private static void finite(String field, OptionalDouble value) {
    Objects.requireNonNull(value, field);
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new InvalidInputException(field, "must be a finite number");
    }
  }
}
