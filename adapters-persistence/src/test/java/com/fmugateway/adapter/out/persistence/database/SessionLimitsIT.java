package com.fmugateway.adapter.out.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every pooled session is opened with limits, so no request waits on the database forever. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class SessionLimitsIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired DatabaseClient db;

  @Test
  void aStatementWaitsForALockAtMost15Seconds() {
    assertThat(setting("lock_timeout")).isEqualTo("15s");
  }

  @Test
  void aTransactionLeftIdleIsEndedByTheServerAfterAMinute() {
    assertThat(setting("idle_in_transaction_session_timeout")).isEqualTo("1min");
  }

  private String setting(String name) {
    return db.sql("SELECT current_setting(:name) AS value")
        .bind("name", name)
        .map(row -> row.get("value", String.class))
        .one()
        .block();
  }
}
