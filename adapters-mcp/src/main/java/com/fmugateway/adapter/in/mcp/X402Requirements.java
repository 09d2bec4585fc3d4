package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.billing.model.X402Offer;
import com.fmugateway.domain.billing.model.X402Terms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the REST API's {@code PAYMENT-REQUIRED} header carries (x402 version 2, decoded) for the
 * same demand, so an agent holding an x402 wallet can sign a payment from a tool's answer. The
 * adapters stay apart (ADR 0012), so this repeats adapters-http's {@code X402Wire.required}; the
 * MCP end-to-end test holds the two to the same requirements.
 */
final class X402Requirements {

  static final int VERSION = 2;

  private X402Requirements() {}

  static Map<String, Object> of(X402Offer offer, String url, String error) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("url", url);
    resource.put("description", "One FMU simulation run");
    resource.put("mimeType", "application/json");
    Map<String, Object> required = new LinkedHashMap<>();
    required.put("x402Version", VERSION);
    required.put("error", offer.refusal().orElse(error));
    required.put("resource", resource);
    required.put("accepts", List.of(accepts(offer.terms())));
    return required;
  }

  private static Map<String, Object> accepts(X402Terms terms) {
    Map<String, Object> accepts = new LinkedHashMap<>();
    accepts.put("scheme", terms.scheme());
    accepts.put("network", terms.network());
    accepts.put("asset", terms.asset());
    accepts.put("amount", terms.amount());
    accepts.put("payTo", terms.payTo());
    accepts.put("maxTimeoutSeconds", terms.maxTimeoutSeconds());
    accepts.put("extra", Map.of("name", terms.assetName(), "version", terms.assetVersion()));
    return accepts;
  }
}
