package com.fmugateway.adapter.in.http.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fmugateway.adapter.in.http.simulation.SimulateRequest;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.experiment.port.in.StartExperimentCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /experiments}: the {@code /simulate} body (clock ticks included), a {@code sweep} and
 * a callback.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExperimentRequest(
    @Schema(example = "lib:BouncingBall", requiredMode = Schema.RequiredMode.REQUIRED) String fmuId,
    Double startTime,
    Double stopTime,
    Double step,
    @Schema(description = "Shared by every case; a case's own values are laid over them")
        Map<String, Object> startValues,
    List<SimulateRequest.InputSignalRequest> inputSignals,
    List<String> outputs,
    List<String> kpis,
    @JsonProperty("interface") String fmuInterface,
    String solver,
    Double rtol,
    Double atol,
    @Schema(
            description =
                "Scheduled execution (interface se): {triggered input clock: [times]}, fired in"
                    + " every case, as /simulate takes them; each case's result has its"
                    + " clock_events",
            example = "{\"trigger\": [0.3, 1.0, 2.25]}")
        Map<String, List<Double>> clockTicks,
    @Schema(description = "Not accepted: a payment token pays for one run") String paymentToken,
    String paymentMethod,
    @Schema(description = "true: the quote only; nothing is held or queued") Boolean quoteOnly,
    String successUrl,
    String cancelUrl,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) SweepRequest sweep,
    @Schema(description = "Told (POST, JSON) when the experiment ends") String callbackUrl) {

  StartExperimentCommand toCommand(AuthenticatedAccount caller, Boolean quoteOnlyParam) {
    return toCommand(caller, quoteOnlyParam, Optional.empty());
  }

  /** Paid with {@code x402}, the payment decoded from {@code PAYMENT-SIGNATURE}, if one came. */
  StartExperimentCommand toCommand(
      AuthenticatedAccount caller, Boolean quoteOnlyParam, Optional<X402Payment> x402) {
    SimulateRequest base =
        new SimulateRequest(
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
            clockTicks,
            paymentToken,
            paymentMethod,
            quoteOnly,
            successUrl,
            cancelUrl,
            null);
    return new StartExperimentCommand(
        base.toCommand(caller, quoteOnlyParam, x402),
        sweep == null ? null : sweep.toSweep(),
        Optional.ofNullable(callbackUrl));
  }
}
