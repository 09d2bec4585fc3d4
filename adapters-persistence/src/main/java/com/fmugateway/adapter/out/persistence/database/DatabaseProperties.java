package com.fmugateway.adapter.out.persistence.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With {@code url} set ({@code FMUGW_DATABASE_URL}) the gateway uses that
 * PostgreSQL server; without it, an embedded PostgreSQL keeps its files in {@code
 * embedded.dataDir}.
 */
@ConfigurationProperties("fmugw.database")
public record DatabaseProperties(
    Optional<String> url,
    Optional<String> username,
    Optional<String> password,
    @DefaultValue Embedded embedded,
    @DefaultValue Pool pool) {

  /** The embedded server, used when no URL is configured. */
  public record Embedded(
      @DefaultValue("./data/postgres") Path dataDir, @DefaultValue("0") int port) {}

  /**
   * The R2DBC connection pool. A request that finds all {@code maxSize} connections taken waits at
   * most {@code maxAcquireTime} for one, then gets 503 with Retry-After.
   */
  public record Pool(
      @DefaultValue("2") int initialSize,
      @DefaultValue("20") int maxSize,
      @DefaultValue("10s") Duration maxAcquireTime) {}
}
