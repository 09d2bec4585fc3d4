package com.fmugateway.domain.billing.model;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an x402 payment for one run must be (protocol version 2, one entry of {@code accepts}): the
 * {@code exact} scheme on a CAIP-2 {@code network}, {@code amount} atomic units of the token
 * contract {@code asset} paid to {@code payTo}, signed for at most {@code maxTimeoutSeconds}; the
 * token's EIP-712 domain {@code assetName} and {@code assetVersion} let a wallet sign for it.
 */
public record X402Terms(
    String scheme,
    String network,
    String asset,
    String amount,
    String payTo,
    long maxTimeoutSeconds,
    String assetName,
    String assetVersion) {

  /** The one scheme offered: a fixed amount, authorized once (EIP-3009 on EVM networks). */
  public static final String EXACT = "exact";

  public X402Terms {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(payTo, "payTo");
    Objects.requireNonNull(assetName, "assetName");
    Objects.requireNonNull(assetVersion, "assetVersion");
  }

  /**
   * Why {@code accepted}, the requirements a payment says it meets, are not these; empty when they
   * are. Scheme, network, asset, amount and payee must match exactly (addresses ignoring case, as
   * EVM addresses do; amounts as numbers).
   */
  public Optional<String> mismatch(X402Terms accepted) {
    if (!scheme.equals(accepted.scheme())) {
      return Optional.of("the scheme must be " + scheme + ", not " + accepted.scheme());
    }
    if (!network.equals(accepted.network())) {
      return Optional.of("the network must be " + network + ", not " + accepted.network());
    }
    if (!sameAddress(asset, accepted.asset())) {
      return Optional.of("the asset must be " + asset + ", not " + accepted.asset());
    }
    if (!sameAmount(amount, accepted.amount())) {
      return Optional.of("the amount must be " + amount + ", not " + accepted.amount());
    }
    if (!sameAddress(payTo, accepted.payTo())) {
      return Optional.of("payTo must be " + payTo + ", not " + accepted.payTo());
    }
    return Optional.empty();
  }

  static boolean sameAddress(String a, String b) {
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  static boolean sameAmount(String a, String b) {
    try {
      return new BigInteger(a.trim()).equals(new BigInteger(b.trim()));
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
