package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.audit.AuditEvent;
import reactor.core.publisher.Flux;

/** Query (operators): the newest audit events. */
public interface ReadAuditLogQuery {

  Flux<AuditEvent> recent(int limit);
}
