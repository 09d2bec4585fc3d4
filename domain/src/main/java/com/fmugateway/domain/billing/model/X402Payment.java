package com.fmugateway.domain.billing.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A signed x402 payment as a caller presented it ({@code PAYMENT-SIGNATURE}): the requirements it
 * says it meets ({@code accepted}), its transfer authorization ({@code payer} pays {@code value} to
 * {@code to}, usable from {@code validAfter} until {@code validBefore}, once per {@code nonce}),
 * and the whole payload as sent ({@code payloadJson}), which the facilitator checks.
 */
public record X402Payment(
    X402Terms accepted,
    String payer,
    String to,
    String value,
    Instant validAfter,
    Instant validBefore,
    String nonce,
    String payloadJson) {

  public X402Payment {
    Objects.requireNonNull(accepted, "accepted");
    Objects.requireNonNull(payer, "payer");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(validAfter, "validAfter");
    Objects.requireNonNull(validBefore, "validBefore");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(payloadJson, "payloadJson");
  }

  /** Why the authorization itself does not pay {@code accepted}'s amount to its payee, if so. */
  public java.util.Optional<String> inconsistency() {
    if (!X402Terms.sameAddress(to, accepted.payTo())) {
      return java.util.Optional.of("the authorization pays " + to + ", not " + accepted.payTo());
    }
    if (!X402Terms.sameAmount(value, accepted.amount())) {
      return java.util.Optional.of(
          "the authorization is for " + value + ", not " + accepted.amount());
    }
    return java.util.Optional.empty();
  }

  /**
   * What makes this payment one: the token contract accepts a payer's nonce once, so (network,
   * asset, payer, nonce) identifies it whatever else a replay changes. SHA-256, hex.
   */
  public String key() {
    String identity =
        String.join(
            "|",
            accepted.network(),
            accepted.asset().toLowerCase(Locale.ROOT),
            payer.toLowerCase(Locale.ROOT),
            nonce.toLowerCase(Locale.ROOT));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
