package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.payments.fake.FakeCoinbaseServer;
import com.fmugateway.adapter.out.payments.fake.FakeProviderServer;
import com.fmugateway.adapter.out.payments.fake.FakeProviderServer.Request;
import com.fmugateway.adapter.out.payments.fake.SignedWebhook;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Crypto through Coinbase Commerce. */
final class CoinbaseRail extends Rail {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final FakeCoinbaseServer coinbase;

  CoinbaseRail(FakeCoinbaseServer coinbase) {
    this.coinbase = coinbase;
  }

  @Override
  String method() {
    return "crypto";
  }

  @Override
  String provider() {
    return "coinbase";
  }

  @Override
  FakeProviderServer fake() {
    return coinbase;
  }

  @Override
  Opened opened(String sessionId) {
    for (Request request : coinbase.requests()) {
      if (!request.method().equals("POST") || !request.path().equals("/charges")) {
        continue;
      }
      JsonNode charge = JSON.readTree(request.bodyText());
      JsonNode metadata = charge.path("metadata");
      if (sessionId.equals(metadata.path("reference").asString(""))) {
        String key = request.header("x-idempotency-key");
        if (!metadata.path("idempotency_key").asString("").equals(key)) {
          throw new AssertionError("idempotency key differs in header and metadata: " + charge);
        }
        JsonNode price = charge.path("local_price");
        return new Opened(
            new BigDecimal(price.path("amount").asString()).movePointRight(2).longValueExact(),
            price.path("currency").asString(),
            key,
            charge.path("redirect_url").asString(),
            charge.path("cancel_url").asString());
      }
    }
    throw new AssertionError("Coinbase was never asked for a charge of " + sessionId);
  }

  @Override
  SignedWebhook pay(String providerId) {
    return coinbase.pay(providerId);
  }

  @Override
  SignedWebhook payUnconfirmed(String providerId) {
    coinbase.stayPending(true);
    try {
      return coinbase.pay(providerId);
    } finally {
      coinbase.stayPending(false);
    }
  }

  @Override
  SignedWebhook confirm(String providerId) {
    return coinbase.confirm(providerId);
  }

  @Override
  SignedWebhook forge(SignedWebhook genuine) {
    return coinbase.forge(genuine);
  }

  @Override
  String statusPath(String providerId) {
    return "/charges/" + providerId;
  }
}
