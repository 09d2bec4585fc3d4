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
 * authenticated. {@code clockTicks} lists, per triggered input clock, the times a scheduled
 * execution run fires it.
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
    PaymentChoice payment,
    Map<String, List<Double>> clockTicks) {

  /**
   * An input signal as the caller sent it: {@code values} one per time, each as the JSON had it (a
   * number, boolean, string, or for an array input a list), typed against the model later.
   */
  public record SignalSpec(String name, double[] time, List<Object> values, String interpolation) {

    /** A signal of scalar numbers. */
    public SignalSpec(String name, double[] time, double[] values, String interpolation) {
      this(
          name,
          time,
          values == null ? null : Arrays.stream(values).boxed().map(v -> (Object) v).toList(),
          interpolation);
    }
  }

  public SimulateCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(tier, "tier");
    if (fmuId == null || fmuId.value().isBlank()) {
      throw new InvalidInputException("fmuId", "is required");
    }
    if (!FmuId.isWellFormed(fmuId.value())) {
      throw new InvalidInputException(
          "fmuId",
          "is not an FMU id: at most " + FmuId.MAX_LENGTH + " characters, no control characters");
    }
    finite("startTime", startTime);
    finite("stopTime", stopTime);
    finite("step", step);
    finite("rtol", rtol);
    finite("atol", atol);
    startValues = startValues == null ? Map.of() : Map.copyOf(present(startValues));
    inputSignals =
        inputSignals == null ? List.of() : List.copyOf(present("inputSignals", inputSignals));
    samplesPresent(inputSignals);
    outputs = outputs == null ? List.of() : List.copyOf(present("outputs", outputs));
    kpis = kpis == null ? List.of() : List.copyOf(present("kpis", kpis));
    Objects.requireNonNull(fmuInterface, "fmuInterface");
    Objects.requireNonNull(solver, "solver");
    Objects.requireNonNull(payment, "payment");
    clockTicks = clockTicks == null ? Map.of() : ticks(clockTicks);
  }

  /** This command with {@code variant}'s start values laid over its own (an experiment's case). */
  public SimulateCommand withStartValues(Map<String, Object> variant) {
    Map<String, Object> merged = new java.util.LinkedHashMap<>(startValues);
    merged.putAll(variant);
    return new SimulateCommand(
        caller,
        tier,
        fmuId,
        startTime,
        stopTime,
        step,
        merged,
        inputSignals,
        outputs,
        kpis,
        fmuInterface,
        solver,
        rtol,
        atol,
        payment,
        clockTicks);
  }

  /** Start values are named and given; numbers among them are finite. */
  private static Map<String, Object> present(Map<String, Object> startValues) {
    startValues.forEach(
        (name, value) -> {
          if (name == null || name.isBlank()) {
            throw new InvalidInputException("startValues", "variable names must not be empty");
          }
          if (value == null) {
            throw new InvalidInputException("startValues." + name, "must not be null");
          }
          if (value instanceof Number number && !Double.isFinite(number.doubleValue())) {
            throw new InvalidInputException("startValues." + name, "must be a finite number");
          }
        });
    return startValues;
  }

  /** Every sample of a signal is given: a missing one is named by its index. */
  private static void samplesPresent(List<SignalSpec> signals) {
    for (int i = 0; i < signals.size(); i++) {
      List<Object> values = signals.get(i).values();
      for (int k = 0; values != null && k < values.size(); k++) {
        if (values.get(k) == null) {
          throw new InvalidInputException(
              "inputSignals[" + i + "].values[" + k + "]", "must not be null");
        }
      }
    }
  }

  /** Clock ticks are named lists of finite times; which clocks and times fit is the model's say. */
  private static Map<String, List<Double>> ticks(Map<String, List<Double>> ticks) {
    Map<String, List<Double>> copy = new java.util.LinkedHashMap<>();
    ticks.forEach(
        (name, times) -> {
          if (name == null || name.isBlank()) {
            throw new InvalidInputException("clockTicks", "clock names must not be empty");
          }
          String field = "clockTicks." + name;
          if (times == null) {
            throw new InvalidInputException(field, "must be a list of times");
          }
          for (int i = 0; i < times.size(); i++) {
            Double t = times.get(i);
            if (t == null || !Double.isFinite(t)) {
              throw new InvalidInputException(field + "[" + i + "]", "must be a finite number");
            }
          }
          copy.put(name, List.copyOf(times));
        });
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** A list the caller sent has no null elements; the first one found is named by index. */
  private static <T> List<T> present(String field, List<T> elements) {
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) == null) {
        throw new InvalidInputException(field + "[" + i + "]", "must not be null");
      }
    }
    return elements;
  }

  /**
   * The command that asks for {@code request} again, for {@code caller}, paid by {@code payment}.
   */
  public static SimulateCommand of(
      AccountId caller, Tier tier, FmuId fmuId, RunRequest request, PaymentChoice payment) {
    return new SimulateCommand(
        caller,
        tier,
        fmuId,
        request.startTime(),
        request.stopTime(),
        request.step(),
        request.startValues(),
        request.inputSignals().stream()
            .map(
                s ->
                    new SignalSpec(
                        s.name(),
                        s.time().stream().mapToDouble(Double::doubleValue).toArray(),
                        s.values(),
                        s.interpolation()))
            .toList(),
        request.outputs(),
        request.kpis(),
        request.fmuInterface(),
        request.solver(),
        request.rtol(),
        request.atol(),
        payment,
        request.clockTicks());
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
                        s.values() == null ? List.of() : s.values(),
                        s.interpolation()))
            .toList(),
        outputs,
        kpis,
        fmuInterface,
        solver,
        rtol,
        atol,
        clockTicks);
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
