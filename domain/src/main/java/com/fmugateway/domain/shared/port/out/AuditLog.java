package com.fmugateway.domain.shared.port.out;

import com.fmugateway.domain.shared.model.AuditEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Role: the append-only record of security- and money-relevant actions, for operators. */
public interface AuditLog {

  Mono<Void> record(AuditEvent event);

  /** The newest events first. */
  Flux<AuditEvent> recent(int limit);
}
