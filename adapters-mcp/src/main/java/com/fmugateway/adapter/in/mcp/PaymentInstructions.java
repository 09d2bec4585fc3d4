package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.PaymentOffer;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PaymentDemand} as a tool answers it: the price, how it can be paid, the checkout opened
 * for this very call and, step by step, what the agent does next. The one place that turns a demand
 * into words for agents, so every way to pay (x402 too: what {@code PAYMENT-REQUIRED} carries) is
 * added here once.
 */
final class PaymentInstructions {

  private PaymentInstructions() {}

  /** The answer to a run that must be paid first; the tool result is an error. */
  static Map<String, Object> paymentRequired(PaymentDemand demand, Caller caller, String tool) {
    Map<String, Object> body = demanded(demand, caller, tool, "run");
    if (demand.offer().isPresent()) {
      Optional<PaymentSession> checkout = demand.offer().get().checkout();
      body.put(
          "next_step",
          checkout.isPresent()
              ? payForRun(checkout.get(), caller, tool)
              : "Buy credits (GET "
                  + caller.baseUrl()
                  + "/credits/packs, then POST /credits/checkout) or call "
                  + tool
                  + " again to get a checkout for this run.");
    }
    demand
        .x402()
        .ifPresent(
            offer -> {
              body.put(
                  "x402", offer.paymentRequired(caller.baseUrl() + "/simulate", demand.message()));
              body.put(
                  "x402_next_step",
                  "Or, with an x402 wallet and no checkout: sign a payment (x402 version 2) that"
                      + " meets x402.accepts[0] and send these arguments as the JSON body of POST "
                      + caller.baseUrl()
                      + "/simulate with your API key and the header PAYMENT-SIGNATURE:"
                      + " <base64 payment payload>. It pays for that one run, is settled only if"
                      + " the run succeeds, and the 200 carries PAYMENT-RESPONSE. A tool call"
                      + " cannot carry that header.");
            });
    return body;
  }

  /**
   * The answer to an experiment the credits do not cover; the tool result is an error. Every case's
   * quote is held up front, so it is paid with credits: the checkout sells a credit pack covering
   * the difference, and an x402 payment buys the credits of all its runs.
   */
  static Map<String, Object> experimentPaymentRequired(
      PaymentDemand demand, Caller caller, String tool) {
    Map<String, Object> body = demanded(demand, caller, tool, "experiment");
    body.put("message", experimentMessage(demand));
    if (demand.offer().isPresent()) {
      Optional<PaymentSession> checkout = demand.offer().get().checkout();
      body.put(
          "next_step",
          checkout.isPresent()
              ? payForCredits(checkout.get(), caller, tool)
              : "Buy credits covering quote_credits: GET "
                  + caller.baseUrl()
                  + "/credits/packs, then POST /credits/checkout; then call "
                  + tool
                  + " again with the same arguments.");
    }
    demand
        .x402()
        .ifPresent(
            offer -> {
              body.put(
                  "x402",
                  offer.paymentRequired(caller.baseUrl() + "/experiments", demand.message()));
              body.put(
                  "x402_next_step",
                  "Or, with an x402 wallet and no checkout: sign a payment (x402 version 2) that"
                      + " meets x402.accepts[0] (the price of all the experiment's runs,"
                      + " quote_credits) and send these arguments as the JSON body of POST "
                      + caller.baseUrl()
                      + "/experiments with your API key and the header PAYMENT-SIGNATURE:"
                      + " <base64 payment payload>. It buys the experiment's credits once,"
                      + " settled before its cases are queued; a case that fails or is cancelled"
                      + " leaves its credits on your account. A tool call cannot carry that"
                      + " header.");
            });
    return body;
  }

  private static Map<String, Object> demanded(
      PaymentDemand demand, Caller caller, String tool, String what) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "payment_required");
    body.put("message", demand.message() + "; nothing ran and nothing was charged");
    body.put("quote_credits", demand.quote());
    body.put("balance_credits", demand.balance());
    if (demand.offer().isEmpty()) {
      body.put(
          "next_step",
          "Your credits do not cover this "
              + what
              + " and this gateway accepts no payments; ask its operator for credits.");
      return body;
    }
    PaymentOffer offer = demand.offer().get();
    price(body, offer);
    offer
        .checkout()
        .ifPresent(
            session -> {
              body.put("checkout_url", session.checkoutUrl());
              body.put("session_id", session.id().toString());
              body.put("payment_method", session.method().code());
              body.put("expires_at", session.expiresAt().toString());
            });
    body.put("credit_packs", caller.baseUrl() + "/credits/packs");
    return body;
  }

  private static String experimentMessage(PaymentDemand demand) {
    return "this experiment is quoted at "
        + demand.quote()
        + " credits, held up front, and the balance is "
        + demand.balance()
        + "; nothing was queued and nothing was charged";
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
    demand
        .x402()
        .ifPresent(
            offer ->
                body.put(
                    "x402",
                    offer.paymentRequired(caller.baseUrl() + "/simulate", demand.message())));
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

  private static String payForCredits(PaymentSession session, Caller caller, String tool) {
    return "Pay "
        + session.amount().display()
        + " ("
        + session.method().code()
        + ") at checkout_url for a credit pack covering the difference: a person opens it in a"
        + " browser. Then poll GET "
        + caller.baseUrl()
        + "/payments/checkout/"
        + session.id()
        + " with your API key until it answers 200 (202 while pending): the pack's credits are then"
        + " on your account (GET "
        + caller.baseUrl()
        + "/account). Call "
        + tool
        + " again with the same arguments; it is paid from credits.";
  }
}
