package com.fmugateway.domain.shared.model;

import com.fmugateway.domain.account.model.AccountId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who did what, to what, when: {@code action} is a dotted verb ({@code key.revoked}), {@code
 * subject} the id acted on. Details never hold secrets (no keys, passwords or tokens).
 */
public record AuditEvent(
    Instant at,
    Optional<AccountId> actor,
    String action,
    String subject,
    Map<String, String> details) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static AuditEvent by(AccountId actor, Instant at, String action, String subject) {
    return new AuditEvent(at, Optional.of(actor), action, subject, Map.of());
  }

  public AuditEvent with(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(details);
    more.put(key, value);
    return new AuditEvent(at, actor, action, subject, more);
  }
}
