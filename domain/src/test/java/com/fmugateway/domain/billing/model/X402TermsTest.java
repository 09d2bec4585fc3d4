package com.fmugateway.domain.billing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.shared.model.Money;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class X402TermsTest {

  private static final X402Settings BASE_USDC =
      new X402Settings(
          "0x209693Bc6afc0C5328bA36FaF03C514EF312287C",
          "eip155:8453",
          "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
          6,
          Duration.ofSeconds(120),
          "USD Coin",
          "2");

  @Test
  void aRunPriceInCents_becomesAtomicUnitsOfTheToken() {
    assertThat(BASE_USDC.terms(new Money(100, "usd")).amount()).isEqualTo("1000000");
    assertThat(BASE_USDC.terms(new Money(1, "usd")).amount()).isEqualTo("10000");
    assertThat(BASE_USDC.terms(new Money(100, "usd")).maxTimeoutSeconds()).isEqualTo(120);
  }

  @Test
  void aPriceInAnotherCurrency_cannotBeOffered() {
    assertThatThrownBy(() -> BASE_USDC.terms(new Money(100, "eur")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eur");
  }

  @Test
  void acceptedTermsMatch_ignoringTheCaseOfAddressesOnly() {
    X402Terms ours = BASE_USDC.terms(new Money(100, "usd"));
    X402Terms lowerCase =
        new X402Terms(
            "exact",
            "eip155:8453",
            ours.asset().toLowerCase(),
            "1000000",
            ours.payTo().toLowerCase(),
            0,
            "",
            "");

    assertThat(ours.mismatch(lowerCase)).isEmpty();
    assertThat(ours.mismatch(with(lowerCase, "exact", "eip155:84532", "1000000")))
        .get()
        .asString()
        .contains("network");
    assertThat(ours.mismatch(with(lowerCase, "upto", "eip155:8453", "1000000")))
        .get()
        .asString()
        .contains("scheme");
    assertThat(ours.mismatch(with(lowerCase, "exact", "eip155:8453", "999999")))
        .get()
        .asString()
        .contains("amount");
    assertThat(ours.mismatch(with(lowerCase, "exact", "eip155:8453", "lots")))
        .get()
        .asString()
        .contains("amount");
  }

  @Test
  void aPaymentsKey_isTheSameWhateverTheCaseOfItsAddressesAndNonce() {
    X402Terms ours = BASE_USDC.terms(new Money(100, "usd"));
    X402Payment one = payment(ours, "0xAbC", "0xNONCE");
    X402Payment same = payment(ours, "0xabc", "0xnonce");
    X402Payment other = payment(ours, "0xabc", "0xnonce2");

    assertThat(one.key()).isEqualTo(same.key()).hasSize(64);
    assertThat(other.key()).isNotEqualTo(one.key());
  }

  private static X402Payment payment(X402Terms terms, String payer, String nonce) {
    return new X402Payment(
        terms,
        payer,
        terms.payTo(),
        terms.amount(),
        java.time.Instant.EPOCH,
        java.time.Instant.EPOCH,
        nonce,
        "{}");
  }

  private static X402Terms with(X402Terms t, String scheme, String network, String amount) {
    return new X402Terms(
        scheme, network, t.asset(), amount, t.payTo(), 0, t.assetName(), t.assetVersion());
  }
}
