package com.fmugateway.domain.analytics.model;

import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.shared.model.Money;
import java.util.Objects;

/**
 * Cash received in one currency, split two ways: by rail (card, crypto) and by what it bought
 * (single runs, credit packs); each split adds up to the total.
 */
public record Takings(
    String currency, Money card, Money crypto, Money runs, Money packs, long payments) {

  public Takings {
    Objects.requireNonNull(currency, "currency");
    for (Money part : new Money[] {card, crypto, runs, packs}) {
      if (!Objects.requireNonNull(part, "money").currency().equals(currency)) {
        throw new IllegalArgumentException("takings in " + currency + " hold " + part.currency());
      }
    }
  }

  public static Takings none(String currency) {
    Money zero = new Money(0, currency);
    return new Takings(currency, zero, zero, zero, zero, 0);
  }

  public Money total() {
    return new Money(card.minorUnits() + crypto.minorUnits(), currency);
  }

  /** These takings and the receipts, which must be in the same currency. */
  public Takings plus(CashReceipts receipts) {
    Money amount = receipts.amount();
    boolean card = receipts.rail() == PaymentMethod.CARD;
    boolean run = receipts.purpose() == PaymentPurpose.RUN;
    return new Takings(
        currency,
        card ? add(this.card, amount) : this.card,
        card ? this.crypto : add(this.crypto, amount),
        run ? add(this.runs, amount) : this.runs,
        run ? this.packs : add(this.packs, amount),
        payments + receipts.payments());
  }

  public Takings plus(Takings other) {
    return new Takings(
        currency,
        add(card, other.card),
        add(crypto, other.crypto),
        add(runs, other.runs),
        add(packs, other.packs),
        payments + other.payments);
  }

  private Money add(Money a, Money b) {
    if (!b.currency().equals(currency)) {
      throw new IllegalArgumentException("cannot add " + b.currency() + " to " + currency);
    }
    return new Money(a.minorUnits() + b.minorUnits(), currency);
  }
}
