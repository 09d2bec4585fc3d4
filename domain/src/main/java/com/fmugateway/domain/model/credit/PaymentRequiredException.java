package com.fmugateway.domain.model.credit;

import com.fmugateway.domain.model.common.DomainException;
import com.fmugateway.domain.model.payment.PaymentOffer;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller's credits do not cover the quote of a run, or the caller only asked for the quote;
 * nothing ran and nothing was charged. The offer, when there is one, says what the run costs in
 * money and where to pay for it.
 */
public class PaymentRequiredException extends DomainException {

  private final long quote;
  private final long balance;
  private final Optional<PaymentOffer> offer;
  private final boolean quoteOnly;

  public PaymentRequiredException(long quote, long balance) {
    this(quote, balance, Optional.empty(), false);
  }

  private PaymentRequiredException(
      long quote, long balance, Optional<PaymentOffer> offer, boolean quoteOnly) {
    super(message(quote, balance, offer, quoteOnly));
    this.quote = quote;
    this.balance = balance;
    this.offer = Objects.requireNonNull(offer, "offer");
    this.quoteOnly = quoteOnly;
  }

  /** Credits were short: pay for this run with the offer's checkout. */
  public PaymentRequiredException withOffer(PaymentOffer offer) {
    return new PaymentRequiredException(quote, balance, Optional.of(offer), false);
  }

  /** The caller asked only for the price: no checkout was opened. */
  public static PaymentRequiredException quoteOnly(long quote, long balance, PaymentOffer offer) {
    return new PaymentRequiredException(quote, balance, Optional.of(offer), true);
  }

  private static String message(
      long quote, long balance, Optional<PaymentOffer> offer, boolean quoteOnly) {
    if (!quoteOnly) {
      return "this run is quoted at "
          + quote
          + " credits and the balance is "
          + balance
          + "; buy credits or pay for this run";
    }
    String money = offer.map(o -> " or " + o.amount().display()).orElse("");
    return "this run is quoted at "
        + quote
        + " credits"
        + money
        + " (the balance is "
        + balance
        + " credits); nothing ran and nothing was charged";
  }

  public long quote() {
    return quote;
  }

  public long balance() {
    return balance;
  }

  public Optional<PaymentOffer> offer() {
    return offer;
  }

  public boolean isQuoteOnly() {
    return quoteOnly;
  }
}
