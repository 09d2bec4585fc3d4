package com.fmugateway.adapter.out.persistence.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date at start-up. Flyway takes a database lock, so several gateways
 * starting together against one server migrate once.
 */
public final class SchemaMigrations {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

  private SchemaMigrations() {}

  public static void apply(DatabaseEndpoint endpoint) {
    MigrateResult result =
        Flyway.configure()
            .dataSource(endpoint.jdbcUrl(), endpoint.username(), endpoint.password())
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load()
            .migrate();
    log.info(
        "Database schema at version {} ({} migrations applied now)",
        result.targetSchemaVersion == null
            ? result.initialSchemaVersion
            : result.targetSchemaVersion,
        result.migrationsExecuted);
  }
}
