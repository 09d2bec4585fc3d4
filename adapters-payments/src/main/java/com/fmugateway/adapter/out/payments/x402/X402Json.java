package com.fmugateway.adapter.out.payments.x402;

import com.fmugateway.domain.billing.model.X402Terms;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** x402 version 2 {@code PaymentRequirements} as JSON, as the facilitator reads them. */
final class X402Json {

  private static final JsonMapper JSON = JsonMapper.shared();

  private X402Json() {}

  static ObjectNode requirements(X402Terms terms) {
    ObjectNode node = JSON.createObjectNode();
    node.put("scheme", terms.scheme());
    node.put("network", terms.network());
    node.put("asset", terms.asset());
    node.put("amount", terms.amount());
    node.put("payTo", terms.payTo());
    node.put("maxTimeoutSeconds", terms.maxTimeoutSeconds());
    node.putObject("extra").put("name", terms.assetName()).put("version", terms.assetVersion());
    return node;
  }
}
