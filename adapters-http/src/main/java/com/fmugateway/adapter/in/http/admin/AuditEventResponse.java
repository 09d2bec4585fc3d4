package com.fmugateway.adapter.in.http.admin;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.shared.model.AuditEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One audit event for operators. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEventResponse(
    Instant at,
    @Schema(types = {"string", "null"}) String actor,
    String action,
    String subject,
    Map<String, String> details) {

  static AuditEventResponse from(AuditEvent event) {
    return new AuditEventResponse(
        event.at(),
        event.actor().map(AccountId::toString).orElse(null),
        event.action(),
        event.subject(),
        event.details());
  }
}
