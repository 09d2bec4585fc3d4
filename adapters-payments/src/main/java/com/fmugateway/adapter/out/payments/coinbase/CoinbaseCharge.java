package com.fmugateway.adapter.out.payments.coinbase;

import com.fmugateway.domain.checkout.model.PaymentStatus;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a Coinbase Commerce charge the gateway uses; {@code timelineStatus} is the status of
 * the last timeline entry, the charge's current one.
 */
record CoinbaseCharge(
    String id, String code, String hostedUrl, Instant expiresAt, String timelineStatus) {

  /** Reads the {@code data} object of a charge response. */
  static CoinbaseCharge from(JsonNode data) {
    JsonNode timeline = data.path("timeline");
    String last =
        timeline.isArray() && !timeline.isEmpty()
            ? timeline.get(timeline.size() - 1).path("status").asString("")
            : "";
    String id = data.path("id").asString("");
    String expiresAt = data.path("expires_at").asString("");
    if (id.isEmpty() || expiresAt.isEmpty()) {
      throw new IllegalStateException("Coinbase Commerce answered a charge without id or expiry");
    }
    return new CoinbaseCharge(
        id,
        data.path("code").asString(""),
        data.path("hosted_url").asString(""),
        Instant.parse(expiresAt),
        last);
  }

  PaymentStatus status() {
    return CoinbaseStatuses.ofTimeline(timelineStatus);
  }
}
