package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.adapter.out.persistence.run.RunRequestJson;
import com.fmugateway.adapter.out.persistence.support.Sql;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.experiment.model.CaseCounts;
import com.fmugateway.domain.experiment.model.CaseSlice;
import com.fmugateway.domain.experiment.model.CaseStatus;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.experiment.model.ExperimentStatus;
import com.fmugateway.domain.experiment.model.NodeLoad;
import com.fmugateway.domain.experiment.model.SweepMethod;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.shared.model.Page;
import com.fmugateway.domain.shared.model.PageRequest;
import com.fmugateway.domain.shared.model.Transition;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Experiments and cases in PostgreSQL. Status changes are {@code UPDATE … WHERE status = from}: the
 * row count says whether this caller made the move, which is the compare-and-set the domain needs.
 */
public final class R2dbcExperimentStore implements ExperimentStore {

  private static final String EXPERIMENT_COLUMNS =
      "id, account_id, fmu_id, method, request, total, quote_per_case, status, callback_url,"
          + " created_at, started_at, finished_at";
  private static final String CASE_COLUMNS =
      "id, experiment_id, idx, parameters, status, node, failure, cost, kpis, started_at,"
          + " finished_at";

  private final DatabaseClient db;
  private final TransactionalOperator tx;

  public R2dbcExperimentStore(DatabaseClient db, TransactionalOperator tx) {
    this.db = db;
    this.tx = tx;
  }

  @Override
  public Mono<Void> create(Experiment e, List<ExperimentCase> cases) {
    var insert =
        db.sql(
                "INSERT INTO experiments ("
                    + EXPERIMENT_COLUMNS
                    + ") VALUES (:id, :account,"
                    + " :fmu, :method, :request, :total, :quote, :status, :callback, :created,"
                    + " NULL, NULL)")
            .bind("id", e.id())
            .bind("account", e.account().value())
            .bind("fmu", e.fmuId())
            .bind("method", e.method().name())
            .bind("request", Json.of(RunRequestJson.write(e.request())))
            .bind("total", e.total())
            .bind("quote", e.quotePerCase())
            .bind("status", e.status().name())
            .bind("created", Sql.utc(e.createdAt()));
    insert = Sql.bindOptional(insert, "callback", e.callbackUrl(), String.class);
    // One statement for every case, however many: arrays unnested into rows.
    Mono<Long> rows =
        db.sql(
                "INSERT INTO experiment_cases (id, experiment_id, idx, parameters, status)"
                    + " SELECT c.id, :experiment, c.idx, c.parameters::jsonb, 'QUEUED'"
                    + " FROM unnest(:ids::uuid[], :indexes::int[], :parameters::text[])"
                    + " AS c (id, idx, parameters)")
            .bind("experiment", e.id())
            .bind("ids", cases.stream().map(ExperimentCase::id).toArray(UUID[]::new))
            .bind("indexes", cases.stream().map(ExperimentCase::index).toArray(Integer[]::new))
            .bind(
                "parameters",
                cases.stream().map(c -> CaseJson.writeMap(c.parameters())).toArray(String[]::new))
            .fetch()
            .rowsUpdated();
    return insert.fetch().rowsUpdated().then(rows).then().as(tx::transactional);
  }

  @Override
  public Mono<Experiment> experiment(UUID experimentId) {
    return db.sql("SELECT " + EXPERIMENT_COLUMNS + " FROM experiments WHERE id = :id")
        .bind("id", experimentId)
        .map(R2dbcExperimentStore::toExperiment)
        .one();
  }

  @Override
  public Mono<Page<Experiment>> experiments(AccountId account, PageRequest page) {
    Mono<List<Experiment>> items =
        db.sql(
                "SELECT "
                    + EXPERIMENT_COLUMNS
                    + " FROM experiments WHERE account_id = :a"
                    + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
            .bind("a", account.value())
            .bind("limit", page.size())
            .bind("offset", page.offset())
            .map(R2dbcExperimentStore::toExperiment)
            .all()
            .collectList();
    Mono<Long> total =
        db.sql("SELECT COUNT(*) AS n FROM experiments WHERE account_id = :a")
            .bind("a", account.value())
            .map(row -> row.get("n", Long.class))
            .one();
    return items.zipWith(total).map(t -> new Page<>(t.getT1(), page, t.getT2()));
  }

  @Override
  public Mono<Long> unfinished(AccountId account) {
    return db.sql(
            "SELECT COUNT(*) AS n FROM experiments WHERE account_id = :a"
                + " AND status IN ('QUEUED', 'RUNNING')")
        .bind("a", account.value())
        .map(row -> row.get("n", Long.class))
        .one();
  }

  @Override
  public Mono<CaseCounts> counts(UUID experimentId) {
    return db.sql(
            "SELECT COUNT(*) AS total,"
                + " COUNT(*) FILTER (WHERE status = 'QUEUED') AS queued,"
                + " COUNT(*) FILTER (WHERE status = 'RUNNING') AS running,"
                + " COUNT(*) FILTER (WHERE status = 'SUCCEEDED') AS succeeded,"
                + " COUNT(*) FILTER (WHERE status = 'FAILED') AS failed,"
                + " COUNT(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,"
                + " COUNT(*) FILTER (WHERE status = 'SUCCEEDED' AND NOT charged) AS charging"
                + " FROM experiment_cases WHERE experiment_id = :e")
        .bind("e", experimentId)
        .map(
            row ->
                new CaseCounts(
                    row.get("total", Long.class),
                    row.get("queued", Long.class),
                    row.get("running", Long.class),
                    row.get("succeeded", Long.class),
                    row.get("failed", Long.class),
                    row.get("cancelled", Long.class),
                    row.get("charging", Long.class)))
        .one();
  }

  @Override
  public Mono<Long> charged(UUID experimentId) {
    return db.sql(
            "SELECT COALESCE(SUM(cost), 0) AS charged FROM experiment_cases"
                + " WHERE experiment_id = :e")
        .bind("e", experimentId)
        .map(row -> ((Number) row.get("charged")).longValue())
        .one();
  }

  @Override
  public Mono<CaseSlice> cases(UUID experimentId, long offset, int limit) {
    Mono<List<ExperimentCase>> items =
        db.sql(
                "SELECT "
                    + CASE_COLUMNS
                    + " FROM experiment_cases WHERE experiment_id = :e"
                    + " ORDER BY idx LIMIT :limit OFFSET :offset")
            .bind("e", experimentId)
            .bind("limit", limit)
            .bind("offset", offset)
            .map(R2dbcExperimentStore::toCase)
            .all()
            .collectList();
    Mono<Long> total =
        db.sql("SELECT COUNT(*) AS n FROM experiment_cases WHERE experiment_id = :e")
            .bind("e", experimentId)
            .map(row -> row.get("n", Long.class))
            .one();
    return items.zipWith(total).map(t -> new CaseSlice(t.getT1(), offset, limit, t.getT2()));
  }

  @Override
  public Mono<ExperimentCase> caseAt(UUID experimentId, int index) {
    return db.sql(
            "SELECT "
                + CASE_COLUMNS
                + " FROM experiment_cases"
                + " WHERE experiment_id = :e AND idx = :i")
        .bind("e", experimentId)
        .bind("i", index)
        .map(R2dbcExperimentStore::toCase)
        .one();
  }

  @Override
  public Mono<ExperimentCase> caseById(UUID caseId) {
    return db.sql("SELECT " + CASE_COLUMNS + " FROM experiment_cases WHERE id = :id")
        .bind("id", caseId)
        .map(R2dbcExperimentStore::toCase)
        .one();
  }

  @Override
  public Flux<ExperimentCase> unfinishedCases(UUID experimentId) {
    return db.sql(
            "SELECT "
                + CASE_COLUMNS
                + " FROM experiment_cases WHERE experiment_id = :e"
                + " AND status IN ('QUEUED', 'RUNNING') ORDER BY idx")
        .bind("e", experimentId)
        .map(R2dbcExperimentStore::toCase)
        .all();
  }

  @Override
  public Mono<Boolean> start(UUID caseId, Transition<CaseStatus> move, String node, Instant at) {
    return db.sql(
            "UPDATE experiment_cases SET status = :to, node = :node, started_at = :at"
                + " WHERE id = :id AND status = :from")
        .bind("to", move.to().name())
        .bind("node", node)
        .bind("at", Sql.utc(at))
        .bind("id", caseId)
        .bind("from", move.from().name())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  /**
   * A transaction-scoped advisory lock per account serializes the count and the move of one
   * account's cases across nodes; under READ COMMITTED the update's count then sees every start and
   * end committed before it. The start is stamped when the move happens (after any wait for the
   * lock), never before {@code at}, so it is never earlier than the end that made room for it.
   */
  @Override
  public Mono<Boolean> startWithin(
      UUID caseId, AccountId account, int cap, String node, Instant at) {
    Mono<Void> lock =
        db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:a, 14)) AS locked")
            .bind("a", "case-share:" + account.value())
            .fetch()
            .all()
            .then();
    Mono<Boolean> start =
        db.sql(
                "UPDATE experiment_cases SET status = 'RUNNING', node = :node,"
                    + " started_at = GREATEST(:at, clock_timestamp())"
                    + " WHERE id = :id AND status = 'QUEUED' AND (SELECT COUNT(*)"
                    + " FROM experiment_cases c JOIN experiments e ON e.id = c.experiment_id"
                    + " WHERE e.account_id = :a AND e.status IN ('QUEUED', 'RUNNING')"
                    + " AND c.status = 'RUNNING') < :cap")
            .bind("node", node)
            .bind("at", Sql.utc(at))
            .bind("id", caseId)
            .bind("a", account.value())
            .bind("cap", cap)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    return lock.then(start).as(tx::transactional);
  }

  @Override
  public Mono<Boolean> end(
      UUID caseId,
      Transition<CaseStatus> move,
      Optional<String> failure,
      Map<String, Double> kpis,
      Instant at) {
    var update =
        db.sql(
                "UPDATE experiment_cases SET status = :to, failure = :failure, kpis = :kpis,"
                    + " finished_at = :at WHERE id = :id AND status = :from")
            .bind("to", move.to().name())
            .bind("kpis", Json.of(CaseJson.writeKpis(kpis)))
            .bind("at", Sql.utc(at))
            .bind("id", caseId)
            .bind("from", move.from().name());
    return Sql.bindOptional(update, "failure", failure, String.class)
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  @Override
  public Mono<Void> charge(UUID caseId, long credits) {
    return db.sql(
            "UPDATE experiment_cases SET cost = GREATEST(cost, :cost), charged = true WHERE id = :id")
        .bind("cost", credits)
        .bind("id", caseId)
        .then();
  }

  @Override
  public Mono<Long> queuedCases() {
    return db.sql("SELECT COUNT(*) AS n FROM experiment_cases WHERE status = 'QUEUED'")
        .map(row -> row.get("n", Long.class))
        .one();
  }

  @Override
  public Flux<NodeLoad> nodeLoads(Instant since) {
    return db.sql(
            "SELECT node,"
                + " COUNT(*) FILTER (WHERE status = 'RUNNING') AS running,"
                + " COUNT(*) FILTER (WHERE status = 'SUCCEEDED' AND finished_at >= :since)"
                + " AS succeeded,"
                + " COUNT(*) FILTER (WHERE status = 'FAILED' AND finished_at >= :since) AS failed"
                + " FROM experiment_cases WHERE node IS NOT NULL"
                + " AND (status = 'RUNNING' OR finished_at >= :since)"
                + " GROUP BY node ORDER BY node")
        .bind("since", Sql.utc(since))
        .map(
            row ->
                new NodeLoad(
                    row.get("node", String.class),
                    row.get("running", Long.class),
                    row.get("succeeded", Long.class),
                    row.get("failed", Long.class)))
        .all()
        .filter(load -> load.running() + load.succeeded() + load.failed() > 0);
  }

  @Override
  public Mono<Boolean> move(UUID experimentId, Transition<ExperimentStatus> move, Instant at) {
    String stamp = move.to() == ExperimentStatus.RUNNING ? "started_at = :at" : "finished_at = :at";
    return db.sql(
            "UPDATE experiments SET status = :to, " + stamp + " WHERE id = :id AND status = :from")
        .bind("to", move.to().name())
        .bind("at", Sql.utc(at))
        .bind("id", experimentId)
        .bind("from", move.from().name())
        .fetch()
        .rowsUpdated()
        .map(rows -> rows > 0);
  }

  private static Experiment toExperiment(Readable row) {
    return new Experiment(
        row.get("id", UUID.class),
        new AccountId(row.get("account_id", UUID.class)),
        row.get("fmu_id", String.class),
        SweepMethod.valueOf(row.get("method", String.class)),
        RunRequestJson.read(row.get("request", Json.class).asString()),
        row.get("total", Integer.class),
        row.get("quote_per_case", Long.class),
        ExperimentStatus.valueOf(row.get("status", String.class)),
        Optional.ofNullable(row.get("callback_url", String.class)),
        row.get("created_at", OffsetDateTime.class).toInstant(),
        instant(row, "started_at"),
        instant(row, "finished_at"));
  }

  private static ExperimentCase toCase(Readable row) {
    return new ExperimentCase(
        row.get("id", UUID.class),
        row.get("experiment_id", UUID.class),
        row.get("idx", Integer.class),
        CaseJson.readMap(row.get("parameters", Json.class).asString()),
        CaseStatus.valueOf(row.get("status", String.class)),
        Optional.ofNullable(row.get("node", String.class)),
        Optional.ofNullable(row.get("failure", String.class)),
        row.get("cost", Long.class),
        CaseJson.readKpis(row.get("kpis", Json.class).asString()),
        instant(row, "started_at"),
        instant(row, "finished_at"));
  }

  private static Optional<Instant> instant(Readable row, String column) {
    return Optional.ofNullable(row.get(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
