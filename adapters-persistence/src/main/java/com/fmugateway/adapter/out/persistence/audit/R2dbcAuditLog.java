package com.fmugateway.adapter.out.persistence.audit;

import com.fmugateway.adapter.out.persistence.support.Sql;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.port.out.AuditLog;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The audit log in PostgreSQL; details are stored as {@code key=value} array elements. */
public final class R2dbcAuditLog implements AuditLog {

  private final DatabaseClient db;

  public R2dbcAuditLog(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> record(AuditEvent event) {
    String[] details =
        event.details().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    DatabaseClient.GenericExecuteSpec insert =
        db.sql(
                "INSERT INTO audit_events (at, actor, action, subject, details)"
                    + " VALUES (:at, :actor, :action, :subject, :details)")
            .bind("at", event.at().atOffset(ZoneOffset.UTC))
            .bind("action", event.action())
            .bind("subject", event.subject())
            .bind("details", details);
    return Sql.bindOptional(insert, "actor", event.actor().map(AccountId::value), UUID.class)
        .then();
  }

  @Override
  public Flux<AuditEvent> recent(int limit) {
    return db.sql(
            "SELECT at, actor, action, subject, details FROM audit_events ORDER BY id DESC LIMIT :n")
        .bind("n", limit)
        .map(
            row ->
                new AuditEvent(
                    row.get("at", OffsetDateTime.class).toInstant(),
                    Optional.ofNullable(row.get("actor", UUID.class)).map(AccountId::new),
                    row.get("action", String.class),
                    row.get("subject", String.class),
                    details(row.get("details", String[].class))))
        .all();
  }

  private static Map<String, String> details(String[] pairs) {
    Map<String, String> details = new LinkedHashMap<>();
    for (String pair : pairs) {
      int cut = pair.indexOf('=');
      details.put(pair.substring(0, cut), pair.substring(cut + 1));
    }
    return details;
  }
}
