package com.fmugateway.adapter.out.payments.sandbox;

import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sandbox checkout. Its id carries its expiry ({@code sbx_<unix expiry>_<random>}), so that the
 * status of a checkout a restart forgot can still be told: pending until then, expired after.
 */
record SandboxSession(String id, CheckoutRequest request, Instant expiresAt, PaymentStatus status) {

  private static final Pattern ID = Pattern.compile("sbx_(\\d{1,12})_[0-9a-f]{16}");
  private static final SecureRandom RANDOM = new SecureRandom();

  static SandboxSession open(CheckoutRequest request, Instant expiresAt) {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    String id = "sbx_" + expiresAt.getEpochSecond() + "_" + HexFormat.of().formatHex(random);
    return new SandboxSession(id, request, expiresAt, PaymentStatus.PENDING);
  }

  /** The expiry written into a sandbox session id, or empty if it is not one. */
  static Optional<Instant> expiryOf(String id) {
    Matcher matcher = ID.matcher(id);
    return matcher.matches()
        ? Optional.of(Instant.ofEpochSecond(Long.parseLong(matcher.group(1))))
        : Optional.empty();
  }

  /** The status as of {@code now}: a pending checkout past its expiry is expired. */
  PaymentStatus statusAt(Instant now) {
    return status == PaymentStatus.PENDING && !now.isBefore(expiresAt)
        ? PaymentStatus.EXPIRED
        : status;
  }

  SandboxSession with(PaymentStatus newStatus) {
    return new SandboxSession(id, request, expiresAt, newStatus);
  }

  /** Where the customer goes after paying; Stripe's {@code {CHECKOUT_SESSION_ID}} is filled in. */
  String successUrl() {
    return request.successUrl().replace("{CHECKOUT_SESSION_ID}", id);
  }

  String cancelUrl() {
    return request.cancelUrl().replace("{CHECKOUT_SESSION_ID}", id);
  }
}
