package com.fmugateway.adapter.out.persistence.experiment;

import com.fmugateway.adapter.out.persistence.support.Sql;
import com.fmugateway.domain.experiment.model.CaseLoad;
import com.fmugateway.domain.experiment.port.out.CaseLoadReadModel;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The case queue's load, read from {@code experiment_cases}: the open cases through its partial
 * index, and per node the cases running or ended since the window opened.
 */
public final class R2dbcCaseLoadReadModel implements CaseLoadReadModel {

  private static final String QUEUE =
      "SELECT count(*) FILTER (WHERE status = 'QUEUED') AS queued,"
          + " count(*) FILTER (WHERE status = 'RUNNING') AS running"
          + " FROM experiment_cases WHERE status IN ('QUEUED', 'RUNNING')";

  private static final String NODES =
      "SELECT node,"
          + " count(*) FILTER (WHERE status = 'RUNNING') AS running,"
          + " count(*) FILTER (WHERE status = 'SUCCEEDED') AS succeeded,"
          + " count(*) FILTER (WHERE status = 'FAILED') AS failed"
          + " FROM experiment_cases"
          + " WHERE node IS NOT NULL AND (status = 'RUNNING'"
          + " OR (status IN ('SUCCEEDED', 'FAILED') AND finished_at >= :since))"
          + " GROUP BY node ORDER BY running DESC, node";

  private final DatabaseClient db;

  public R2dbcCaseLoadReadModel(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<CaseLoad> load(Instant since) {
    Mono<long[]> queue =
        db.sql(QUEUE)
            .map(row -> new long[] {count(row.get("queued")), count(row.get("running"))})
            .one();
    Mono<java.util.List<CaseLoad.NodeLoad>> nodes =
        db.sql(NODES)
            .bind("since", Sql.utc(since))
            .map(
                row ->
                    new CaseLoad.NodeLoad(
                        row.get("node", String.class),
                        count(row.get("running")),
                        count(row.get("succeeded")),
                        count(row.get("failed"))))
            .all()
            .collectList();
    return Mono.zip(queue, nodes).map(t -> new CaseLoad(t.getT1()[0], t.getT1()[1], t.getT2()));
  }

  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
