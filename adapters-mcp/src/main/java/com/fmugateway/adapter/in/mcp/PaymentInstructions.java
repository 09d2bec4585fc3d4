package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.PaymentOffer;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentSession;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link PaymentDemand} as a tool answers it: the price, how it can be paid, the checkout opened
 * for this very call and, step by step, what the agent does next. The one place that turns a demand
 * into words for agents, so every way to pay (x402 too, when it lands) is added here once.
 */
final class PaymentInstructions {

  private PaymentInstructions() {}

  /** The answer to a run that must be paid first; the tool result is an error. */
  static Map<String, Object> paymentRequired(PaymentDemand demand, Caller caller, String tool) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "payment_required");
    body.put("message", demand.message() + "; nothing ran and nothing was charged");
    body.put("quote_credits", demand.quote());
    body.put("balance_credits", demand.balance());
    if (demand.offer().isEmpty()) {
      body.put(
          "next_step",
          "Your credits do not cover this run and this gateway accepts no payments; ask its"
              + " operator for credits.");
      return body;
    }
    PaymentOffer offer = demand.offer().get();
    price(body, offer);
    if (offer.checkout().isPresent()) {
      PaymentSession session = offer.checkout().get();
      body.put("checkout_url", session.checkoutUrl());
      body.put("session_id", session.id().toString());
      body.put("payment_method", session.method().code());
      body.put("expires_at", session.expiresAt().toString());
      body.put("next_step", payForRun(session, caller, tool));
    } else {
      body.put(
          "next_step",
          "Buy credits (GET "
              + caller.baseUrl()
              + "/credits/packs, then POST /credits/checkout) or call "
              + tool
              + " again to get a checkout for this run.");
    }
    body.put("credit_packs", caller.baseUrl() + "/credits/packs");
    // x402 (issue 16 item 1): when the demand carries x402 payment requirements, add them here
    // (e.g. body.put("x402", ...)) with a next_step for paying with a PAYMENT-SIGNATURE.
    return body;
  }

  /** A quote: what the run costs and whether the credits cover it; not an error. */
  static Map<String, Object> quote(PaymentDemand demand, Caller caller) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("quote_credits", demand.quote());
    body.put("balance_credits", demand.balance());
    body.put("covered_by_credits", demand.balance() >= demand.quote());
    demand.offer().ifPresent(offer -> price(body, offer));
    body.put(
        "next_step",
        demand.balance() >= demand.quote()
            ? "Call simulate with the same arguments: it runs from your credits."
            : demand.offer().filter(o -> !o.methods().isEmpty()).isPresent()
                ? "Your credits are short: call simulate with the same arguments (and"
                    + " payment_method card or crypto) to get a checkout_url for this run, or buy"
                    + " credits (GET "
                    + caller.baseUrl()
                    + "/credits/packs)."
                : "Your credits are short and this gateway accepts no payments; ask its operator"
                    + " for credits.");
    body.put("message", "nothing ran and nothing was charged");
    return body;
  }

  private static void price(Map<String, Object> body, PaymentOffer offer) {
    body.put("fmu_id", offer.fmuId());
    body.put("amount", offer.amount().decimal());
    body.put("amount_minor", offer.amount().minorUnits());
    body.put("currency", offer.amount().currency());
    body.put("methods", offer.methods().stream().map(PaymentMethod::code).toList());
  }

  private static String payForRun(PaymentSession session, Caller caller, String tool) {
    return "Pay "
        + session.amount().display()
        + " ("
        + session.method().code()
        + ") at checkout_url: a person opens it in a browser. Then poll GET "
        + caller.baseUrl()
        + "/payments/checkout/"
        + session.id()
        + " with your API key until it answers 200 with a payment_token (202 while pending), and"
        + " call "
        + tool
        + " again with the same arguments plus payment_token; the token pays for this one run."
        + " Running often? Credit packs cost less per run: GET "
        + caller.baseUrl()
        + "/credits/packs.";
  }
}
