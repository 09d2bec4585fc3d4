package com.fmugateway.adapter.in.http.simulation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** {@code POST /simulate} body, in the prototype's snake_case fields. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SimulateRequest(
    @Schema(
            description = "lib:<Name> (or msl:<Name>) or the id of your upload",
            example = "msl:BouncingBall",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String fmuId,
    @Schema(description = "Default: the model's default experiment, else 0") Double startTime,
    @Schema(description = "Default: the model's default experiment", example = "3.0")
        Double stopTime,
    @Schema(description = "Output interval", example = "0.01") Double step,
    @Schema(description = "{variable: value}, checked against type and causality")
        Map<String, Object> startValues,
    @Schema(
            description =
                "Time series fed to inputs, each driving one input of the model; see"
                    + " InputSignalRequest")
        List<InputSignalRequest> inputSignals,
    @Schema(description = "Variables to return; default: all outputs") List<String> outputs,
    @Schema(description = "<variable>_<rms|mean|min|max|peak|final>", example = "[\"h_max\"]")
        List<String> kpis,
    @JsonProperty("interface")
        @Schema(
            description = "cs, me, se or auto (default)",
            allowableValues = {"cs", "me", "se", "auto"})
        String fmuInterface,
    @Schema(
            description =
                "Model exchange: euler, rk4, dormand_prince (default), dormand_prince_853,"
                    + " rosenbrock (implicit, for stiff models) or auto (dormand_prince,"
                    + " switching to rosenbrock when the model turns out stiff)",
            allowableValues = {
              "euler",
              "rk4",
              "dormand_prince",
              "dormand_prince_853",
              "rosenbrock",
              "auto"
            })
        String solver,
    Double rtol,
    Double atol,
    @Schema(
            description =
                "Scheduled execution (interface se): {triggered input clock: [times]}, the times"
                    + " the caller fires each such clock, ascending within start_time and"
                    + " stop_time",
            example = "{\"trigger\": [0.3, 1.0, 2.25]}")
        Map<String, List<Double>> clockTicks,
    @Schema(description = "Pays for this run instead of credits; from GET /payments/checkout/{id}")
        String paymentToken,
    @Schema(
            description = "card (default) or crypto: how to pay if credits are short",
            allowableValues = {"card", "crypto"})
        String paymentMethod,
    @Schema(description = "true: answer 402 with the price only; nothing runs") Boolean quoteOnly,
    @Schema(description = "Where the checkout sends the customer after paying") String successUrl,
    @Schema(description = "Where the checkout sends the customer on cancelling") String cancelUrl,
    @Schema(
            description =
                "true: queue the run as a one-case experiment and answer 202 with its Location")
        Boolean async) {

  /**
   * One input time series. {@code values} are kept as JSON gave them (a 64-bit integer as a Long or
   * BigInteger, never a double) and typed against the input by the domain.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record InputSignalRequest(
      @Schema(description = "An input of the model", requiredMode = Schema.RequiredMode.REQUIRED)
          String name,
      @Schema(
              description = "Sample times, strictly increasing",
              requiredMode = Schema.RequiredMode.REQUIRED)
          double[] time,
      @ArraySchema(
              arraySchema =
                  @Schema(
                      description =
                          "One value per time, typed like a start value of the input: a number"
                              + " for floats; a whole number (or decimal string) for integers,"
                              + " exact up to 18446744073709551615 for UInt64; true/false for"
                              + " Boolean; text for String; lowercase hex for Binary; for an"
                              + " array input an array of its size (row-major, nesting"
                              + " flattened)",
                      requiredMode = Schema.RequiredMode.REQUIRED,
                      example = "[0, 1.5]"),
              schema = @Schema(types = {"number", "integer", "boolean", "string", "array"}))
          List<Object> values,
      @Schema(
              description =
                  "Between samples: linear (default for float inputs) or hold (piecewise"
                      + " constant; the default and the only choice for every other type)",
              allowableValues = {"linear", "hold"})
          String interpolation) {}

  /** {@code quoteOnlyParam}: the prototype's {@code ?quote_only=true}, same as the field. */
  public SimulateCommand toCommand(AuthenticatedAccount caller, Boolean quoteOnlyParam) {
    return toCommand(caller, quoteOnlyParam, Optional.empty());
  }

  /** Paid with {@code x402}, the payment decoded from {@code PAYMENT-SIGNATURE}, if one came. */
  public SimulateCommand toCommand(
      AuthenticatedAccount caller, Boolean quoteOnlyParam, Optional<X402Payment> x402) {
    return new SimulateCommand(
        caller.accountId(),
        caller.tier(),
        fmuId == null ? null : new FmuId(fmuId),
        optional(startTime),
        optional(stopTime),
        optional(step),
        startValues,
        inputSignals == null
            ? List.of()
            : inputSignals.stream()
                .map(
                    s ->
                        s == null
                            ? null
                            : new SimulateCommand.SignalSpec(
                                s.name(), s.time(), s.values(), s.interpolation()))
                .toList(),
        outputs,
        kpis,
        Optional.ofNullable(fmuInterface),
        Optional.ofNullable(solver),
        optional(rtol),
        optional(atol),
        new PaymentChoice(
            Optional.ofNullable(paymentToken),
            Boolean.TRUE.equals(quoteOnly) || Boolean.TRUE.equals(quoteOnlyParam),
            CheckoutOptions.parse(paymentMethod, successUrl, cancelUrl),
            x402),
        clockTicks);
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
