package com.fmugateway.adapter.out.persistence.database;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * This gateway's round trips to the database and, from the server's own statistics, the
 * transactions committed in the database by anyone (autocommit statements included). The server
 * publishes its statistics lazily (within about ten seconds of a session going idle), so read it
 * after a pause.
 */
public final class DatabaseActivityProbe {

  private final DatabaseClient db;
  private final DatabaseActivity activity;

  public DatabaseActivityProbe(DatabaseClient db, DatabaseActivity activity) {
    this.db = db;
    this.activity = activity;
  }

  public Mono<Map<String, Long>> snapshot() {
    Map<String, Long> counts = new LinkedHashMap<>(activity.counts());
    return db.sql(
            "SELECT xact_commit, xact_rollback FROM pg_stat_database"
                + " WHERE datname = current_database()")
        .map(
            row -> {
              counts.put("server_commits", row.get("xact_commit", Long.class));
              counts.put("server_rollbacks", row.get("xact_rollback", Long.class));
              return counts;
            })
        .one()
        .defaultIfEmpty(counts);
  }
}
