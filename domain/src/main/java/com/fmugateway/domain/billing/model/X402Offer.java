package com.fmugateway.domain.billing.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * x402 in a 402: the requirements a payment for this run must meet and, when the caller presented a
 * payment that was refused, why ({@code refusal}).
 */
public record X402Offer(X402Terms terms, Optional<String> refusal) {

  public X402Offer {
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(refusal, "refusal");
  }

  /** The x402 protocol version these requirements are written in. */
  public static final int VERSION = 2;

  /**
   * The {@code PAYMENT-REQUIRED} object (x402 version 2, before base64) for the resource at {@code
   * url}: the REST API sends it as the header, the MCP tools as the {@code x402} member. {@code
   * error} says why, unless a presented payment was refused.
   */
  public Map<String, Object> paymentRequired(String url, String error) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("url", url);
    resource.put(
        "description",
        url.endsWith("/experiments")
            ? "An FMU parameter sweep: the credits of all its runs"
            : "One FMU simulation run");
    resource.put("mimeType", "application/json");
    Map<String, Object> accepts = new LinkedHashMap<>();
    accepts.put("scheme", terms.scheme());
    accepts.put("network", terms.network());
    accepts.put("asset", terms.asset());
    accepts.put("amount", terms.amount());
    accepts.put("payTo", terms.payTo());
    accepts.put("maxTimeoutSeconds", terms.maxTimeoutSeconds());
    accepts.put("extra", Map.of("name", terms.assetName(), "version", terms.assetVersion()));
    Map<String, Object> required = new LinkedHashMap<>();
    required.put("x402Version", VERSION);
    required.put("error", refusal.orElse(error));
    required.put("resource", resource);
    required.put("accepts", List.of(accepts));
    return required;
  }
}
