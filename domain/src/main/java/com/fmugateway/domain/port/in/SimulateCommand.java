package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.common.InvalidInputException;
import com.fmugateway.domain.model.fmu.FmuId;
import com.fmugateway.domain.model.payment.CheckoutOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Command: run an FMU. Checks what it can on its own (required fields, finite numbers); what
 * depends on the model (names, types, causality, defaults) is checked against its description.
 * Field names in errors are the API's ({@code stopTime} is shown as {@code stop_time}). {@code
 * payment} says how to pay when credits do not cover the run.
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
    OptionalDouble atol,
    Payment payment) {

  /** An input signal as the caller sent it. */
  public record SignalSpec(String name, double[] time, double[] values, String interpolation) {}

  /**
   * How the caller pays: with a payment token bought for one run, or from credits, with a checkout
   * opened on {@code checkout}'s terms when they are short; or not at all, to get only the quote.
   */
  public record Payment(Optional<String> token, boolean quoteOnly, CheckoutOptions checkout) {

    /** From credits, by card when they are short. */
    public static final Payment CREDITS =
        new Payment(Optional.empty(), false, CheckoutOptions.DEFAULT);

    public Payment {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(checkout, "checkout");
      if (token.isPresent() && token.get().isBlank()) {
        throw new InvalidInputException("paymentToken", "must not be blank");
      }
    }
  }

  /** A run paid from credits. */
  public SimulateCommand(
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
    this(
        caller,
        fmuId,
        startTime,
        stopTime,
        step,
        startValues,
        inputSignals,
        outputs,
        kpis,
        fmuInterface,
        solver,
        rtol,
        atol,
        Payment.CREDITS);
  }

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
    Objects.requireNonNull(payment, "payment");
  }

  private static void finite(String field, OptionalDouble value) {
    Objects.requireNonNull(value, field);
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new InvalidInputException(field, "must be a finite number");
    }
  }
}
