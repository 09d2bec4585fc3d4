package com.fmugateway.adapter.out.persistence.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.database.SchemaMigrations;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database that already has a ledger (migration V19): each account's kept balance
 * starts at the sum of its entries, and entries appended after the upgrade are added to it.
 */
class CreditBalancesMigrationIT {

  @Test
  void anExistingLedgersBalancesSurviveTheUpgrade() throws SQLException {
    DatabaseEndpoint endpoint = TestDatabase.freshDatabase();
    Flyway.configure()
        .dataSource(endpoint.jdbcUrl(), endpoint.username(), endpoint.password())
        .locations("classpath:db/migration")
        .target("18")
        .load()
        .migrate();
    try (Connection c =
            DriverManager.getConnection(
                endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO accounts (id, created_at) VALUES"
              + " ('00000000-0000-0000-0000-00000000000a', now()),"
              + " ('00000000-0000-0000-0000-00000000000b', now()),"
              + " ('00000000-0000-0000-0000-00000000000c', now())");
      s.execute(
          "INSERT INTO ledger_entries (account_id, kind, amount, idempotency_key, reference) VALUES"
              + " ('00000000-0000-0000-0000-00000000000a', 'GRANT', 100, 'grant:2026-11', 'g'),"
              + " ('00000000-0000-0000-0000-00000000000a', 'HOLD', -10, 'run:1:hold', 'r1'),"
              + " ('00000000-0000-0000-0000-00000000000a', 'CAPTURE', -4, 'run:1:capture', 'r1'),"
              + " ('00000000-0000-0000-0000-00000000000a', 'RELEASE', 10, 'run:1:release', 'r1'),"
              + " ('00000000-0000-0000-0000-00000000000a', 'HOLD', -10, 'run:2:hold', 'r2'),"
              + " ('00000000-0000-0000-0000-00000000000b', 'PURCHASE', 500, 'purchase:cs_1', 'p')");

      SchemaMigrations.apply(endpoint);

      assertThat(balances(s))
          .containsExactly(
              Map.entry("00000000-0000-0000-0000-00000000000a", 86L),
              Map.entry("00000000-0000-0000-0000-00000000000b", 500L));
      s.execute(
          "INSERT INTO ledger_entries (account_id, kind, amount, idempotency_key, reference) VALUES"
              + " ('00000000-0000-0000-0000-00000000000a', 'RELEASE', 10, 'run:2:release', 'r2'),"
              + " ('00000000-0000-0000-0000-00000000000c', 'GRANT', 100, 'grant:2026-12', 'g')");
      assertThat(balances(s))
          .containsExactly(
              Map.entry("00000000-0000-0000-0000-00000000000a", 96L),
              Map.entry("00000000-0000-0000-0000-00000000000b", 500L),
              Map.entry("00000000-0000-0000-0000-00000000000c", 100L));
    }
  }

  private static Map<String, Long> balances(Statement s) throws SQLException {
    Map<String, Long> balances = new LinkedHashMap<>();
    try (ResultSet rows =
        s.executeQuery("SELECT account_id, balance FROM credit_balances ORDER BY account_id")) {
      while (rows.next()) {
        balances.put(rows.getString(1), rows.getLong(2));
      }
    }
    return balances;
  }
}
