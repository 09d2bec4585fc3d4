package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Several nodes as real processes on one PostgreSQL: an {@code api} node and two {@code worker}
 * nodes, each {@code java -jar}. A worker is SIGKILLed in the middle of a sweep; the other takes
 * over the cases it held once its heartbeats are missed, every case succeeds, and the account pays
 * each case exactly once.
 */
class MultiNodeIT {

  private static final int CASES = 60;

  /** Deadlines, not expectations: a node starts in seconds on an idle machine. */
  private static final Duration START_UP = Duration.ofMinutes(8);

  @TempDir Path apiDir;
  @TempDir Path firstWorkerDir;
  @TempDir Path secondWorkerDir;

  private final List<GatewayProcess> nodes = new ArrayList<>();

  @AfterEach
  void stopEveryNode() {
    nodes.forEach(GatewayProcess::close);
  }

  @Test
  void aWorkerKilledMidSweep_hasItsCasesRunByTheOther_andEachCaseChargedOnce() throws Exception {
    DatabaseEndpoint database = TestDatabase.freshDatabase();
    String url = TestDatabase.url(database);
    GatewayProcess api = node("api", "api", apiDir, url);
    api.awaitHealthy(START_UP);
    GatewayProcess first = node("worker-1", "worker", firstWorkerDir, url);
    GatewayProcess second = node("worker-2", "worker", secondWorkerDir, url);
    first.awaitHealthy(START_UP);
    second.awaitHealthy(START_UP);
    try {
      WebTestClient customer = customer(api);
      long before = balance(customer);
      Map<String, Object> uploaded = FmuApiIT.upload(customer, freshBouncingBall(), 201);

      Map<?, ?> accepted = startSweep(customer, (String) uploaded.get("id"));
      String id = (String) accepted.get("experiment_id");
      long perCase = ((Number) ((Map<?, ?>) accepted.get("quote")).get("per_case")).longValue();
      await(
          "worker-1 to have run a case and to be running another",
          () -> cases(customer, id),
          cases ->
              cases.stream().anyMatch(c -> on(c, "worker-1") && status(c, "succeeded"))
                  && cases.stream().anyMatch(c -> on(c, "worker-1") && status(c, "running")));
      List<ProcessHandle> sandboxWorkers = first.descendants();

      first.kill();
      Set<UUID> inHand = casesHeldBy(database, "worker-1");

      Map<?, ?> done =
          await("the experiment to end", () -> get(customer, "/experiments/" + id), ended());
      assertThat(inHand).as("cases worker-1 held when it was killed").isNotEmpty();
      assertThat(done.get("status")).isEqualTo("succeeded");
      assertThat(((Map<?, ?>) done.get("cases")).get("succeeded")).isEqualTo(CASES);
      assertThat(((Map<?, ?>) done.get("cost")).get("charged")).isEqualTo((int) (CASES * perCase));
      assertThat(((Map<?, ?>) done.get("cost")).get("held")).isEqualTo(0);
      assertThat(balance(customer)).isEqualTo(before - CASES * perCase);
      List<Map<?, ?>> cases = cases(customer, id);
      assertThat(cases)
          .hasSize(CASES)
          .allSatisfy(c -> assertThat(c.get("status")).isEqualTo("succeeded"))
          .allSatisfy(c -> assertThat(((Number) c.get("cost")).longValue()).isEqualTo(perCase));
      assertThat(cases.stream().map(c -> (String) c.get("node")).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("worker-1", "worker-2");
      assertThat(casesHeldBy(database, "worker-1")).isEmpty();
      await(
          "the FMU workers of the killed node to be gone",
          () -> sandboxWorkers.stream().filter(ProcessHandle::isAlive).toList(),
          List::isEmpty);
      assertThat(archivesIn(secondWorkerDir)).contains(uploaded.get("sha256") + ".fmu");
    } catch (AssertionError | RuntimeException e) {
      nodes.forEach(n -> System.err.println("==== " + n.name() + " log\n" + n.logTail()));
      throw e;
    }
  }

  private GatewayProcess node(String name, String role, Path dataDir, String databaseUrl) {
    Map<String, String> settings = new HashMap<>();
    settings.put("fmugw.role", role);
    settings.put("fmugw.node-name", name);
    settings.put("fmugw.database.url", databaseUrl);
    settings.put("fmugw.api-key-secret", TestKeys.SECRET);
    // A dead worker's cases are taken over after 4 missed heartbeats of 1 s (db-scheduler's least).
    settings.put("fmugw.experiments.heartbeat", "1s");
    settings.put("fmugw.experiments.missed-heartbeats", "4");
    settings.put("fmugw.experiments.polling-interval", "200ms");
    settings.put("fmugw.experiments.worker-threads", "2");
    settings.put("fmugw.billing.tiers.free.monthly-credits", "100000");
    settings.put("fmugw.billing.tiers.free.runs-per-minute", "100000");
    GatewayProcess node = GatewayProcess.start(name, dataDir, settings);
    nodes.add(node);
    return node;
  }

  private static WebTestClient customer(GatewayProcess api) {
    String key = TestKeys.issue(api.client()).get("key");
    return api.client().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
  }

  /**
   * BouncingBall with one more file: a new SHA-256, so the workers fetch the upload from shared
   * storage instead of finding it among their built-in models.
   */
  private static byte[] freshBouncingBall() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in =
            new ZipInputStream(
                new java.io.ByteArrayInputStream(FmuApiIT.libraryFmu("BouncingBall")));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("documentation/nonce.txt"));
      zip.write(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  /** Each case a few hundred milliseconds of model-exchange solving, 100 samples out. */
  private static Map<?, ?> startSweep(WebTestClient customer, String fmuId) {
    String body =
        "{\"fmu_id\": \""
            + fmuId
            + "\", \"stop_time\": 10, \"step\": 0.1, \"kpis\": [\"h_max\"],"
            + " \"sweep\": {\"method\": \"latin_hypercube\", \"samples\": "
            + CASES
            + ", \"seed\": 7, \"parameters\": {\"e\": {\"uniform\": {\"min\": 0.5, \"max\": 0.9}},"
            + " \"g\": {\"uniform\": {\"min\": 9.0, \"max\": 10.5}}}}}";
    return customer
        .post()
        .uri("/experiments")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static Map<?, ?> get(WebTestClient customer, String path) {
    return customer
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private static long balance(WebTestClient customer) {
    return ((Number) get(customer, "/account").get("credits")).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<?, ?>> cases(WebTestClient customer, String id) {
    return (List<Map<?, ?>>) get(customer, "/experiments/" + id + "/cases?limit=1000").get("items");
  }

  private static boolean on(Map<?, ?> c, String node) {
    return node.equals(c.get("node"));
  }

  private static boolean status(Map<?, ?> c, String status) {
    return status.equals(c.get("status"));
  }

  private static Predicate<Map<?, ?>> ended() {
    return experiment -> experiment.get("finished_at") != null;
  }

  /** Polls {@code read} until {@code done} holds; generous, since CI machines may be loaded. */
  private static <T> T await(String what, Supplier<T> read, Predicate<T> done) {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
    while (true) {
      T value = read.get();
      if (done.test(value)) {
        return value;
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new AssertionError("gave up waiting for " + what + "; last seen: " + value);
      }
      GatewayProcess.pause(Duration.ofMillis(100));
    }
  }

  /** The cases whose db-scheduler executions node {@code node} has picked and not finished. */
  private static Set<UUID> casesHeldBy(DatabaseEndpoint db, String node) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT task_instance FROM scheduled_tasks WHERE picked AND picked_by = ?")) {
      query.setString(1, node);
      Set<UUID> held = new java.util.HashSet<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          held.add(UUID.fromString(rows.getString(1)));
        }
      }
      return held;
    }
  }

  private static List<String> archivesIn(Path dataDir) throws IOException {
    try (var files = Files.walk(dataDir.resolve("fmus"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fmu")).toList();
    }
  }
}
