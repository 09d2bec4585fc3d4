package com.fmugateway.adapter.out.persistence.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Small binding helpers shared by the R2DBC adapters. */
public final class Sql {

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
