package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.billing.model.X402Receipt;
import com.fmugateway.domain.checkout.model.RunPayment;
import com.fmugateway.domain.fmu.model.FmuId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A finished run as the caller receives it: results, requested KPIs, provenance, and what it cost
 * ({@code costCredits} captured of {@code quotedCredits} held, or nothing when a payment token paid
 * for it: {@code payment}, or the receipt of the x402 payment that settled it: {@code x402}).
 */
public record SimulationReport(
    UUID runId,
    FmuId fmuId,
    SimulationResult result,
    Map<String, Double> kpis,
    Provenance provenance,
    long quotedCredits,
    long costCredits,
    Optional<RunPayment> payment,
    Optional<X402Receipt> x402) {

  public SimulationReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(result, "result");
    kpis = Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(x402, "x402");
  }
}
