package com.fmugateway.domain.analytics.service;

import com.fmugateway.domain.analytics.port.in.ReadAuditLogQuery;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.port.out.AuditLog;
import java.util.Objects;
import reactor.core.publisher.Flux;

/** Reads the audit log for operators, a bounded page at a time. */
public final class AuditQueryService implements ReadAuditLogQuery {

  static final int MAX_PAGE = 1000;

  private final AuditLog log;

  public AuditQueryService(AuditLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public Flux<AuditEvent> recent(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      return Flux.error(new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE));
    }
    return log.recent(limit);
  }
}
