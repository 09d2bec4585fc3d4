package com.fmugateway.adapter.out.payments.sandbox;

import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox's own book of checkouts, in memory: it is the provider, and a restart forgets. */
final class SandboxCheckouts {

  /** Settled checkouts are forgotten a day after their expiry. */
  private static final Duration KEPT = Duration.ofDays(1);

  private final Map<String, SandboxSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();

  /** Opens a checkout, or returns the one opened earlier under the same idempotency key. */
  SandboxSession open(CheckoutRequest request, Instant expiresAt) {
    String id =
        byIdempotencyKey.computeIfAbsent(
            request.idempotencyKey(),
            key -> {
              SandboxSession session = SandboxSession.open(request, expiresAt);
              sessions.put(session.id(), session);
              return session.id();
            });
    return sessions.get(id);
  }

  Optional<SandboxSession> find(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  /** Marks a pending, unexpired checkout paid; true only for the call that did. */
  boolean markPaid(String id, Instant now) {
    boolean[] paid = {false};
    sessions.computeIfPresent(
        id,
        (key, session) -> {
          if (session.statusAt(now) != PaymentStatus.PENDING) {
            return session;
          }
          paid[0] = true;
          return session.with(PaymentStatus.PAID);
        });
    return paid[0];
  }

  /** Marks every pending checkout past its expiry expired, and returns them. */
  List<SandboxSession> expireDue(Instant now) {
    List<SandboxSession> expired = new ArrayList<>();
    for (String id : sessions.keySet()) {
      sessions.computeIfPresent(
          id,
          (key, session) -> {
            if (session.status() == PaymentStatus.PENDING
                && session.statusAt(now) == PaymentStatus.EXPIRED) {
              SandboxSession closed = session.with(PaymentStatus.EXPIRED);
              expired.add(closed);
              return closed;
            }
            return session;
          });
    }
    forgetOld(now);
    return expired;
  }

  private void forgetOld(Instant now) {
    Instant horizon = now.minus(KEPT);
    sessions
        .values()
        .removeIf(
            session -> {
              boolean old =
                  session.expiresAt().isBefore(horizon)
                      && session.status() != PaymentStatus.PENDING;
              if (old) {
                byIdempotencyKey.remove(session.request().idempotencyKey(), session.id());
              }
              return old;
            });
  }
}
