package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.shared.model.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One checkout of one account at one provider: what it buys (a run, or a pack of {@code credits}),
 * for how much, where to pay, and how far it got. {@code fingerprint} identifies the request that
 * opened it, so the same request asked again reuses the session while it is pending.
 */
public record PaymentSession(
    PaymentSessionId id,
    AccountId account,
    PaymentPurpose purpose,
    Optional<String> packId,
    long credits,
    Optional<String> fmuId,
    Money amount,
    PaymentMethod method,
    ProviderId provider,
    String providerSessionId,
    String checkoutUrl,
    PaymentStatus status,
    String fingerprint,
    Instant createdAt,
    Instant expiresAt) {

  public PaymentSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(packId, "packId");
    Objects.requireNonNull(fmuId, "fmuId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerSessionId, "providerSessionId");
    Objects.requireNonNull(checkoutUrl, "checkoutUrl");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    boolean pack = purpose == PaymentPurpose.CREDIT_PACK;
    if (pack != packId.isPresent() || pack != credits > 0 || credits < 0) {
      throw new IllegalArgumentException("a credit pack session names its pack and credits");
    }
  }

  public PaymentSession withStatus(PaymentStatus next) {
    return new PaymentSession(
        id,
        account,
        purpose,
        packId,
        credits,
        fmuId,
        amount,
        method,
        provider,
        providerSessionId,
        checkoutUrl,
        next,
        fingerprint,
        createdAt,
        expiresAt);
  }

  /** Pending, but past the time the customer was given to pay. */
  public boolean lapsed(Instant now) {
    return status == PaymentStatus.PENDING && !now.isBefore(expiresAt);
  }
}
