package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.payments.fake.FakeProviderServer;
import com.fmugateway.adapter.out.payments.fake.FakeProviderServer.Request;
import com.fmugateway.adapter.out.payments.fake.FakeStripeServer;
import com.fmugateway.adapter.out.payments.fake.SignedWebhook;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Cards through Stripe Checkout. */
final class StripeRail extends Rail {

  private final FakeStripeServer stripe;

  StripeRail(FakeStripeServer stripe) {
    this.stripe = stripe;
  }

  @Override
  String method() {
    return "card";
  }

  @Override
  String provider() {
    return "stripe";
  }

  @Override
  FakeProviderServer fake() {
    return stripe;
  }

  @Override
  Opened opened(String sessionId) {
    for (Request request : stripe.requests()) {
      if (!request.method().equals("POST") || !request.path().equals("/v1/checkout/sessions")) {
        continue;
      }
      Map<String, String> form = form(request.bodyText());
      if (sessionId.equals(form.get("client_reference_id"))
          && sessionId.equals(form.get("metadata[reference]"))) {
        String price = "line_items[0][price_data]";
        return new Opened(
            Long.parseLong(form.get(price + "[unit_amount]")),
            form.get(price + "[currency]"),
            request.header("idempotency-key"),
            form.get("success_url"),
            form.get("cancel_url"));
      }
    }
    throw new AssertionError("Stripe was never asked for a session of " + sessionId);
  }

  @Override
  SignedWebhook pay(String providerId) {
    return stripe.pay(providerId);
  }

  @Override
  SignedWebhook payUnconfirmed(String providerId) {
    stripe.stayPending(true);
    try {
      return stripe.pay(providerId);
    } finally {
      stripe.stayPending(false);
    }
  }

  @Override
  SignedWebhook confirm(String providerId) {
    return stripe.settle(providerId, true);
  }

  @Override
  SignedWebhook forge(SignedWebhook genuine) {
    return stripe.forge(genuine);
  }

  @Override
  String statusPath(String providerId) {
    return "/v1/checkout/sessions/" + providerId;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }
}
