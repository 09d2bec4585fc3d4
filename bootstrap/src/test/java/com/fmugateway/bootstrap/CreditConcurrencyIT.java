package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * No credit is spent twice: 100 simulations at once from an account whose balance covers exactly 10
 * runs, against one gateway and against two gateways sharing the database. The account's limit of
 * runs at once refuses most of them with 429 first; refused runs hold nothing and are retried.
 */
class CreditConcurrencyIT {

  private static final String RUN =
      "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":3.0,\"step\":0.01}";

  private static final int MAX_RETRIES = 1_000;

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void oneGateway_runsExactlyWhatTheBalanceCovers() {
    DatabaseEndpoint database = TestDatabase.freshDatabase();
    try (RunningGateway gateway = RunningGateway.start(settings(database, first))) {
      String key = TestKeys.issue(gateway.client()).get("key");

      Map<Integer, Long> statuses = fire(key, List.of(gateway.port()));

      assertOutcome(statuses, gateway, key, database);
    }
  }

  @Test
  void twoGatewaysOnOneDatabase_runExactlyWhatTheBalanceCovers() {
    DatabaseEndpoint database = TestDatabase.freshDatabase();
    try (RunningGateway one = RunningGateway.start(settings(database, first));
        RunningGateway two = RunningGateway.start(settings(database, second))) {
      String key = TestKeys.issue(one.client()).get("key");

      Map<Integer, Long> statuses = fire(key, List.of(one.port(), two.port()));

      assertOutcome(statuses, two, key, database);
    }
  }

  private static void assertOutcome(
      Map<Integer, Long> statuses, RunningGateway gateway, String key, DatabaseEndpoint database) {
    assertThat(statuses).containsEntry(200, 10L).containsEntry(402, 90L).hasSize(2);
    gateway
        .client()
        .get()
        .uri("/account")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .exchange()
        .expectBody()
        .jsonPath("$.credits")
        .isEqualTo(0)
        .jsonPath("$.runs_this_period")
        .isEqualTo(10)
        .jsonPath("$.spend_this_period")
        .isEqualTo(100);
    assertThat(ledgerCounts(database))
        .containsEntry("GRANT", 1L)
        .containsEntry("HOLD", 10L)
        .containsEntry("CAPTURE", 10L)
        .containsEntry("RELEASE", 10L)
        .hasSize(4);
  }

  /**
   * 100 requests in flight at once, spread over the gateways; returns status → count. A 429 (the
   * account's runs at once are all taken) is asked again after a pause of 0.2–1 s, spread as a
   * client spreads its retries, until it is answered.
   */
  private static Map<Integer, Long> fire(String key, List<Integer> ports) {
    Map<Integer, Long> statuses = new HashMap<>();
    Flux.range(0, 100)
        .flatMap(
            i ->
                WebClient.create("http://localhost:" + ports.get(i % ports.size()))
                    .post()
                    .uri("/simulate")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(RUN)
                    .exchangeToMono(
                        response ->
                            response.releaseBody().thenReturn(response.statusCode().value()))
                    .filter(status -> status != 429)
                    .repeatWhenEmpty(MAX_RETRIES, attempts -> attempts.concatMap(a -> pause())),
            100)
        .collectList()
        .block(Duration.ofMinutes(3))
        .forEach(status -> statuses.merge(status, 1L, Long::sum));
    return statuses;
  }

  /** 0.2–1 s, spread as a client spreads its retries. */
  private static Mono<Long> pause() {
    return Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(200, 1000)));
  }

  private static Map<String, Long> ledgerCounts(DatabaseEndpoint database) {
    Map<String, Long> counts = new HashMap<>();
    try (var c =
            DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
        var rs =
            c.createStatement()
                .executeQuery("SELECT kind, COUNT(*) FROM ledger_entries GROUP BY kind")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  private static Map<String, String> settings(DatabaseEndpoint database, Path dataDir) {
    return Map.of(
        "fmugw.database.url",
        TestDatabase.url(database),
        "fmugw.api-key-secret",
        TestKeys.SECRET,
        "fmugw.data-dir",
        dataDir.toString(),
        "fmugw.fmi.max-queued-runs",
        "200",
        "fmugw.billing.tiers.free.runs-per-minute",
        "100000");
  }
}
