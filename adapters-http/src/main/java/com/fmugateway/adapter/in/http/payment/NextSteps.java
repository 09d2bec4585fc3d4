package com.fmugateway.adapter.in.http.payment;

import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.shared.model.Money;

/**
 * The {@code next_step} texts: exactly what a person or an agent does next, with the paths and
 * fields to use, so a 402 can be acted on without reading the docs.
 */
public final class NextSteps {

  private NextSteps() {}

  /** A 402 from {@code /simulate} with the checkout opened for it. */
  public static String payForRun(PaymentSession session) {
    return "Pay "
        + price(session)
        + " at checkout_url. Then poll GET /payments/checkout/"
        + session.id()
        + " until it answers 200 with a payment_token, and send this same POST /simulate again"
        + " with \"payment_token\": \"<payment_token>\" added; the token pays for this one run."
        + " Running often? Credit packs cost less per run: GET /credits/packs.";
  }

  /** {@code POST /pay}: a run bought up front. */
  public static String tokenForRun(PaymentSession session) {
    return "Pay "
        + price(session)
        + " at checkout_url. Then poll GET /payments/checkout/"
        + session.id()
        + " until it answers 200 with a payment_token, and send it as \"payment_token\" in a"
        + " POST /simulate; it pays for one run.";
  }

  /** {@code POST /credits/checkout}. */
  public static String creditsForPack(PaymentSession session) {
    return "Pay "
        + price(session)
        + " at checkout_url. As soon as the payment is confirmed the "
        + session.credits()
        + " credits are on your balance (GET /account) and GET /payments/checkout/"
        + session.id()
        + " answers 200.";
  }

  public static String of(PaymentSession session) {
    return session.purpose() == PaymentPurpose.CREDIT_PACK
        ? creditsForPack(session)
        : tokenForRun(session);
  }

  /** {@code GET /payments/checkout/{id}} while it is not paid. */
  public static String stillPending(PaymentSession session) {
    return "Not paid yet. Pay at checkout_url, then ask again: this answers 200 once the payment"
        + " provider confirms the payment, usually within seconds of paying.";
  }

  public static String quoteOnly(long quoteCredits, long balance, Money amount) {
    return "Quote only: nothing ran, nothing was charged and no checkout was opened. This run costs "
        + quoteCredits
        + " credits (your balance is "
        + balance
        + ") or "
        + amount.display()
        + ". Send the request again without quote_only to run it from your credits; when they are"
        + " short, the 402 then carries a checkout_url to pay for this run.";
  }

  public static String noProvider() {
    return "Your credits do not cover this run and this gateway accepts no payments; ask its"
        + " operator for credits.";
  }

  private static String price(PaymentSession session) {
    return session.amount().display() + " (" + session.method().code() + ")";
  }
}
