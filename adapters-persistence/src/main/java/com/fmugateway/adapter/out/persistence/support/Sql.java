package com.fmugateway.adapter.out.persistence.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Small binding helpers shared by the R2DBC adapters. */
public final class Sql {

  /**
   * A {@code WITH} item that lets the statement's own transaction commit without waiting for the
   * WAL to reach the disk ({@code synchronous_commit} off, local to that transaction). Select
   * {@code FROM relaxed} so that it runs. For writes whose loss in a crash of the database costs
   * nothing (a rate count, a run slot, a hold that nothing has ended yet): a later durable commit
   * flushes them with it.
   */
  public static final String RELAXED_COMMIT =
      "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)) ";

  private Sql() {}

  /** Instants are stored as {@code timestamptz} in UTC. */
  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** Binds the value, or a typed NULL when it is absent. */
  public static <T> GenericExecuteSpec bindOptional(
      GenericExecuteSpec spec, String name, Optional<T> value, Class<T> type) {
    return value.map(v -> spec.bind(name, v)).orElseGet(() -> spec.bindNull(name, type));
  }
}
