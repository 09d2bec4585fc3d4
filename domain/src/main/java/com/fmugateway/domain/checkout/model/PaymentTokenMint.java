package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.account.model.ApiKeyHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Mints payment tokens. A token is {@code pt_} and the HMAC-SHA-256, under the server secret, of 32
 * random bytes (the seed): the database keeps the seed, to show the token again until it is used,
 * and the token's SHA-256, to find it; neither gives the token away without the secret.
 */
public final class PaymentTokenMint {

  private static final int SEED_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final ApiKeyHasher serverKey;

  public PaymentTokenMint(ApiKeyHasher serverKey) {
    this.serverKey = serverKey;
  }

  /** A fresh ready token for a paid run checkout, valid for {@code ttl} from {@code now}. */
  public PaymentToken mint(PaymentSession session, Instant now, Duration ttl) {
    byte[] seed = new byte[SEED_BYTES];
    RANDOM.nextBytes(seed);
    String encodedSeed = URL_SAFE.encodeToString(seed);
    return new PaymentToken(
        hash(secretOf(encodedSeed)),
        encodedSeed,
        session.account(),
        session.id(),
        PaymentTokenState.READY,
        now,
        now.plus(ttl));
  }

  public PaymentTokenSecret reveal(PaymentToken token) {
    return secretOf(token.seed());
  }

  public static PaymentTokenHash hash(PaymentTokenSecret secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
      return new PaymentTokenHash(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private PaymentTokenSecret secretOf(String seed) {
    byte[] token = serverKey.mac("payment-token:" + seed);
    return PaymentTokenSecret.of(PaymentTokenSecret.PREFIX + URL_SAFE.encodeToString(token));
  }
}
