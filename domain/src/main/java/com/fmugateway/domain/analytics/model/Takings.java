package com.fmugateway.domain.analytics.model;

import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.shared.model.Money;
import java.util.Objects;

/**
 * Cash received in one currency, split two ways: by rail (card, crypto, x402) and by what it bought
 * (single runs, credit packs); each split adds up to the total.
 */
public record Takings(
    String currency, Money card, Money crypto, Money x402, Money runs, Money packs, long payments) {

  public Takings {
    Objects.requireNonNull(currency, "currency");
    for (Money part : new Money[] {card, crypto, x402, runs, packs}) {
      if (!Objects.requireNonNull(part, "money").currency().equals(currency)) {
        throw new IllegalArgumentException("takings in " + currency + " hold " + part.currency());
      }
    }
  }

  public static Takings none(String currency) {
    Money zero = new Money(0, currency);
    return new Takings(currency, zero, zero, zero, zero, zero, 0);
  }

  public Money total() {
    return new Money(card.minorUnits() + crypto.minorUnits() + x402.minorUnits(), currency);
  }

  /** These takings and the receipts, which must be in the same currency. */
  public Takings plus(CashReceipts receipts) {
    Money amount = receipts.amount();
    CashRail rail = receipts.rail();
    boolean run = receipts.purpose() == PaymentPurpose.RUN;
    return new Takings(
        currency,
        rail == CashRail.CARD ? add(this.card, amount) : this.card,
        rail == CashRail.CRYPTO ? add(this.crypto, amount) : this.crypto,
        rail == CashRail.X402 ? add(this.x402, amount) : this.x402,
        run ? add(this.runs, amount) : this.runs,
        run ? this.packs : add(this.packs, amount),
        payments + receipts.payments());
  }

  public Takings plus(Takings other) {
    return new Takings(
        currency,
        add(card, other.card),
        add(crypto, other.crypto),
        add(x402, other.x402),
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
