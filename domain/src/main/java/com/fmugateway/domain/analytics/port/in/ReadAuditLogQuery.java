package com.fmugateway.domain.analytics.port.in;

import com.fmugateway.domain.shared.model.AuditEvent;
import reactor.core.publisher.Flux;

/** Query (operators): the newest audit events. */
public interface ReadAuditLogQuery {

  Flux<AuditEvent> recent(int limit);
}
