package com.fmugateway.adapter.out.persistence.run;

import com.fmugateway.adapter.out.persistence.support.Sql;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.Usage;
import com.fmugateway.domain.simulation.port.out.RunHistory;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Metered runs in PostgreSQL. */
public final class R2dbcRunHistory implements RunHistory {

  static final String COLUMNS =
      "id, account_id, fmu_id, model_name, fmu_sha256, fmu_interface, status, failure_cause,"
          + " quoted_credits, cost_credits, cpu_ms, wall_ms, created_at, request";

  /** The parameters of a run's row, in the order of {@link #COLUMNS}; bound by {@link #bind}. */
  static final String VALUES =
      ":id, :a, :fmu, :model, :sha, :iface, :status, :cause, :quoted, :cost, :cpu, :wall, :at,"
          + " :request";

  private final DatabaseClient db;

  public R2dbcRunHistory(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> record(RunRecord run) {
    return bind(
            db.sql(
                "INSERT INTO runs ("
                    + COLUMNS
                    + ") VALUES ("
                    + VALUES
                    + ") ON CONFLICT (id) DO NOTHING"),
            run)
        .then();
  }

  /** Binds {@link #VALUES} to {@code run}'s values. */
  static DatabaseClient.GenericExecuteSpec bind(
      DatabaseClient.GenericExecuteSpec spec, RunRecord run) {
    DatabaseClient.GenericExecuteSpec insert =
        spec.bind("id", run.id())
            .bind("a", run.accountId().value())
            .bind("fmu", run.fmuId())
            .bind("sha", run.fmuSha256())
            .bind("iface", run.fmuInterface())
            .bind("status", run.status().name())
            .bind("quoted", run.quotedCredits())
            .bind("cost", run.costCredits())
            .bind("cpu", run.cpuTime().toMillis())
            .bind("wall", run.wallTime().toMillis())
            .bind("at", run.createdAt().atOffset(ZoneOffset.UTC));
    insert = Sql.bindOptional(insert, "cause", run.failureCause(), String.class);
    insert = Sql.bindOptional(insert, "model", run.modelName(), String.class);
    return Sql.bindOptional(
        insert, "request", run.request().map(r -> Json.of(RunRequestJson.write(r))), Json.class);
  }

  @Override
  public Flux<RunRecord> recent(AccountId account, int limit) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM runs WHERE account_id = :a ORDER BY created_at DESC LIMIT :n")
        .bind("a", account.value())
        .bind("n", limit)
        .map(R2dbcRunHistory::toRun)
        .all();
  }

  @Override
  public Mono<RunRecord> find(AccountId account, UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM runs WHERE id = :id AND account_id = :a")
        .bind("id", id)
        .bind("a", account.value())
        .map(R2dbcRunHistory::toRun)
        .one();
  }

  @Override
  public Mono<Usage> usageSince(AccountId account, Instant since) {
    return db.sql(
            "SELECT COUNT(*) AS runs, COALESCE(SUM(cost_credits), 0) AS spent FROM runs"
                + " WHERE account_id = :a AND created_at >= :since")
        .bind("a", account.value())
        .bind("since", since.atOffset(ZoneOffset.UTC))
        .map(row -> new Usage(row.get("runs", Long.class), row.get("spent", Long.class)))
        .one();
  }

  private static RunRecord toRun(Readable row) {
    return new RunRecord(
        row.get("id", UUID.class),
        new AccountId(row.get("account_id", UUID.class)),
        row.get("fmu_id", String.class),
        Optional.ofNullable(row.get("model_name", String.class)),
        row.get("fmu_sha256", String.class),
        row.get("fmu_interface", String.class),
        RunRecord.RunStatus.valueOf(row.get("status", String.class)),
        Optional.ofNullable(row.get("failure_cause", String.class)),
        row.get("quoted_credits", Long.class),
        row.get("cost_credits", Long.class),
        Duration.ofMillis(row.get("cpu_ms", Long.class)),
        Duration.ofMillis(row.get("wall_ms", Long.class)),
        row.get("created_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(row.get("request", Json.class))
            .map(json -> RunRequestJson.read(json.asString())));
  }
}
