package com.fmugateway.adapter.out.persistence.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fixtures.RunHistoryContract;
import com.fmugateway.domain.simulation.model.RunRecord;
import com.fmugateway.domain.simulation.model.RunRequest;
import com.fmugateway.domain.simulation.port.out.RunHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcRunHistoryIT extends RunHistoryContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcRunHistory history;
  @Autowired R2dbcAccounts accounts;

  @Override
  protected AccountId newAccount() {
    return TestAccounts.create(accounts);
  }

  @Autowired DatabaseClient db;

  @Override
  protected RunHistory history() {
    return history;
  }

  @Test
  void aRunsRequest_isKeptAsTheApisSnakeCaseJson() {
    AccountId owner = newAccount();
    RunRecord run =
        new RunRecord(
            UUID.randomUUID(),
            owner,
            "lib:BouncingBall",
            Optional.of("BouncingBall"),
            "a".repeat(64),
            "cs",
            RunRecord.RunStatus.SUCCEEDED,
            Optional.empty(),
            10,
            10,
            Duration.ofMillis(3),
            Duration.ofMillis(4),
            Instant.parse("2026-06-15T12:00:00Z"),
            Optional.of(
                new RunRequest(
                    OptionalDouble.empty(),
                    OptionalDouble.of(2.5),
                    OptionalDouble.of(0.1),
                    Map.of("e", 0.7),
                    List.of(),
                    List.of("h"),
                    List.of(),
                    Optional.of("me"),
                    Optional.empty(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    Map.of())));
    history.record(run).block();

    Map<String, Object> stored =
        db.sql(
                "SELECT request->>'stop_time' AS stop, request->'start_values'->>'e' AS e,"
                    + " request->>'interface' AS iface, (request->'start_time') IS NOT NULL AS has_start"
                    + " FROM runs WHERE id = :id")
            .bind("id", run.id())
            .fetch()
            .one()
            .block();
    assertThat(stored)
        .containsEntry("stop", "2.5")
        .containsEntry("e", "0.7")
        .containsEntry("iface", "me")
        .containsEntry("has_start", false);
  }

  @Test
  void aRunRowFromBeforeRequestsWereKept_isReadWithNoRequest() {
    AccountId owner = newAccount();
    UUID id = UUID.randomUUID();
    db.sql(
            "INSERT INTO runs (id, account_id, fmu_id, fmu_sha256, fmu_interface, status,"
                + " quoted_credits, cost_credits, cpu_ms, wall_ms, created_at) VALUES"
                + " (:id, :a, 'lib:Dahlquist', :sha, 'me', 'SUCCEEDED', 10, 10, 1, 2, now())")
        .bind("id", id)
        .bind("a", owner.value())
        .bind("sha", "b".repeat(64))
        .then()
        .block();

    RunRecord old = history.find(owner, id).block();
    assertThat(old.request()).isEmpty();
    assertThat(old.modelName()).isEmpty();
    assertThat(old.fmuInterface()).isEqualTo("me");
  }
}
