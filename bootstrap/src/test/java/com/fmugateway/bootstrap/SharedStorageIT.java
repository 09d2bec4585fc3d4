package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.testing.LocalS3Server;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Two gateways on one PostgreSQL, each with its own data folder: uploads are shared storage. */
class SharedStorageIT {

  @TempDir Path firstDataDir;
  @TempDir Path secondDataDir;

  @Test
  void anFmuUploadedThroughOneGateway_isShownAndRunThroughAnother() throws Exception {
    DatabaseEndpoint database = TestDatabase.freshDatabase();
    String url = TestDatabase.url(database);
    byte[] fmu = FmuApiIT.libraryFmu("VanDerPol");
    try (RunningGateway first = RunningGateway.start(settings(url, firstDataDir));
        RunningGateway second = RunningGateway.start(settings(url, secondDataDir))) {
      String key = TestKeys.issue(first.client()).get("key");

      Map<String, Object> uploaded = FmuApiIT.upload(as(first, key), fmu, 201);

      assertUsable(as(second, key), uploaded);
      assertThat(archivesIn(secondDataDir)).containsExactly(uploaded.get("sha256") + ".fmu");
    }
  }

  @Test
  void
      withS3Storage_anFmuUploadedThroughOneGateway_isRunThroughAnother_asIsACaseResult_noneInPostgres()
          throws Exception {
    DatabaseEndpoint database = TestDatabase.freshDatabase();
    String url = TestDatabase.url(database);
    try (LocalS3Server s3 = LocalS3Server.start();
        RunningGateway first = RunningGateway.start(s3Settings(url, firstDataDir, s3));
        RunningGateway second = RunningGateway.start(s3Settings(url, secondDataDir, s3))) {
      String key = TestKeys.issue(first.client()).get("key");

      Map<String, Object> uploaded =
          FmuApiIT.upload(as(first, key), FmuApiIT.libraryFmu("VanDerPol"), 201);

      assertUsable(as(second, key), uploaded);
      String experiment = runAsync(as(first, key), uploaded);
      awaitEnd(as(second, key), experiment);
      as(second, key)
          .get()
          .uri("/experiments/" + experiment + "/cases/0")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("ok");
      assertThat(count(database, "SELECT count(*) FROM blobs")).isZero();
      assertThat(count(database, "SELECT count(*) FROM case_results")).isZero();
    }
  }

  private static Map<String, String> s3Settings(String url, Path dataDir, LocalS3Server s3) {
    Map<String, String> settings = settings(url, dataDir);
    settings.put("fmugw.storage.kind", "s3");
    settings.put("fmugw.storage.s3.bucket", "fmus");
    settings.put("fmugw.storage.s3.endpoint", s3.endpoint().toString());
    settings.put("fmugw.storage.s3.access-key", LocalS3Server.ACCESS_KEY);
    settings.put("fmugw.storage.s3.secret-key", LocalS3Server.SECRET_KEY);
    return settings;
  }

  @Test
  void archivesAnOlderGatewayKeptInItsFolder_areMigratedOnStartUp_andRunAnywhere()
      throws Exception {
    DatabaseEndpoint database = TestDatabase.freshDatabase();
    String url = TestDatabase.url(database);
    String key;
    Map<String, Object> uploaded;
    try (RunningGateway first = RunningGateway.start(settings(url, firstDataDir))) {
      key = TestKeys.issue(first.client()).get("key");
      uploaded = FmuApiIT.upload(as(first, key), FmuApiIT.libraryFmu("VanDerPol"), 201);
    }
    // As before shared storage: the archive only in the first gateway's folder.
    execute(database, "DELETE FROM blobs; DELETE FROM blob_uploads");
    assertThat(archivesIn(firstDataDir)).containsExactly(uploaded.get("sha256") + ".fmu");

    try (RunningGateway first = RunningGateway.start(settings(url, firstDataDir));
        RunningGateway second = RunningGateway.start(settings(url, secondDataDir))) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> count(database, "SELECT count(*) FROM blobs") == 1);

      assertThat(
              count(
                  database,
                  "SELECT count(*) FROM blobs WHERE key = 'sha256/" + uploaded.get("sha256") + "'"))
          .isEqualTo(1);
      assertUsable(as(second, key), uploaded);
    }
  }

  private static void assertUsable(WebTestClient client, Map<String, Object> uploaded) {
    client
        .get()
        .uri("/fmus/" + uploaded.get("id"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.sha256")
        .isEqualTo(uploaded.get("sha256"));
    client
        .post()
        .uri("/simulate")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"fmu_id\":\"" + uploaded.get("id") + "\",\"stop_time\":1.0,\"step\":0.1}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("ok")
        .jsonPath("$.provenance.fmu_sha256")
        .isEqualTo(uploaded.get("sha256"));
  }

  /** Queues one run of the upload as an experiment of one case; its id. */
  private static String runAsync(WebTestClient client, Map<String, Object> uploaded) {
    String location =
        client
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"fmu_id\":\""
                    + uploaded.get("id")
                    + "\",\"stop_time\":1.0,\"step\":0.1,\"async\":true}")
            .exchange()
            .expectStatus()
            .isAccepted()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.LOCATION);
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static void awaitEnd(WebTestClient client, String experiment) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                client
                        .get()
                        .uri("/experiments/" + experiment)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("finished_at")
                    != null);
  }

  private static WebTestClient as(RunningGateway gateway, String key) {
    return gateway
        .client()
        .mutate()
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .build();
  }

  private static java.util.List<String> archivesIn(Path dataDir) throws Exception {
    try (Stream<Path> files = Files.walk(dataDir.resolve("fmus"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".fmu")).toList();
    }
  }

  private static Connection connect(DatabaseEndpoint db) throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.database(),
        db.username(),
        db.password());
  }

  private static void execute(DatabaseEndpoint db, String sql) throws Exception {
    try (Connection connection = connect(db);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(DatabaseEndpoint db, String sql) throws Exception {
    try (Connection connection = connect(db);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static Map<String, String> settings(String databaseUrl, Path dataDir) {
    Map<String, String> settings = new HashMap<>();
    settings.put("fmugw.database.url", databaseUrl);
    settings.put("fmugw.api-key-secret", TestKeys.SECRET);
    settings.put("fmugw.data-dir", dataDir.toString());
    return settings;
  }
}
