package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.shared.model.Money;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway accepts x402: which address receives, on which network, in which token ({@code
 * asset}, with {@code decimals} and its EIP-712 domain), and how long a signed payment may take.
 * The token is a dollar stablecoin: a run's price in US cents becomes {@code cents × 10^(decimals −
 * 2)} atomic units (1 cent = 10 000 units of USDC's 6 decimals).
 */
public record X402Settings(
    String payTo,
    String network,
    String asset,
    int decimals,
    Duration maxTimeout,
    String assetName,
    String assetVersion) {

  /** The minor units of the US dollar, the currency the token stands for. */
  private static final int CENT_DIGITS = 2;

  public X402Settings {
    Objects.requireNonNull(payTo, "payTo");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(maxTimeout, "maxTimeout");
    Objects.requireNonNull(assetName, "assetName");
    Objects.requireNonNull(assetVersion, "assetVersion");
    if (payTo.isBlank() || network.isBlank() || asset.isBlank()) {
      throw new IllegalArgumentException("x402 needs a payee, a network and an asset");
    }
    if (decimals < CENT_DIGITS || decimals > 36) {
      throw new IllegalArgumentException(
          "x402 asset decimals must be between 2 and 36: " + decimals);
    }
    if (maxTimeout.isNegative() || maxTimeout.isZero()) {
      throw new IllegalArgumentException("x402 max timeout must be positive");
    }
  }

  /** The requirements of a run priced {@code price} (in US dollars). */
  public X402Terms terms(Money price) {
    return new X402Terms(
        X402Terms.EXACT,
        network,
        asset,
        atomicUnits(price).toString(),
        payTo,
        maxTimeout.toSeconds(),
        assetName,
        assetVersion);
  }

  /** {@code price} in the token's atomic units. */
  public BigInteger atomicUnits(Money price) {
    if (!"usd".equals(price.currency())) {
      throw new IllegalArgumentException(
          "x402 is paid in a dollar stablecoin; a run priced in "
              + price.currency()
              + " cannot be offered");
    }
    return BigInteger.valueOf(price.minorUnits())
        .multiply(BigInteger.TEN.pow(decimals - CENT_DIGITS));
  }
}
