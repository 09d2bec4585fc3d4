package com.fmugateway.adapter.in.http.admin;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.analytics.port.in.ReadAuditLogQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** {@code GET /admin/audit}: who did what and when, for operators only. */
@RestController
@Tag(name = "Operators")
class AuditController {

  private final ReadAuditLogQuery audit;

  AuditController(ReadAuditLogQuery audit) {
    this.audit = audit;
  }

  @GetMapping("/admin/audit")
  @Operation(operationId = "listAuditEvents", summary = "Newest audit events (operators only)")
  @ProblemResponses({400, 403})
  Flux<AuditEventResponse> recent(@RequestParam(defaultValue = "100") int limit) {
    return audit.recent(limit).map(AuditEventResponse::from);
  }
}
