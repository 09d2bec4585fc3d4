package com.fmugateway.adapter.out.persistence.testing;

import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.database.DatabaseUrl;
import com.fmugateway.adapter.out.persistence.database.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL that tests run against, chosen once per JVM: {@code FMUGW_TEST_DATABASE_URL}
 * when set, else a Testcontainers PostgreSQL when Docker answers, else an embedded PostgreSQL. Each
 * caller of {@link #freshDatabase()} gets a database of its own on that server.
 */
public final class TestDatabase {

  private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
  private static DatabaseEndpoint server;

  private TestDatabase() {}

  /** A new, empty database on the shared test server. */
  public static DatabaseEndpoint freshDatabase() {
    DatabaseEndpoint admin = server();
    String name = "test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c =
            DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return new DatabaseEndpoint(
        admin.kind(), admin.host(), admin.port(), name, admin.username(), admin.password());
  }

  /** A URL in the form {@code FMUGW_DATABASE_URL} takes, credentials included. */
  public static String url(DatabaseEndpoint endpoint) {
    String credentials = URLEncoder.encode(endpoint.username(), StandardCharsets.UTF_8);
    if (!endpoint.password().isEmpty()) {
      credentials += ":" + URLEncoder.encode(endpoint.password(), StandardCharsets.UTF_8);
    }
    return "postgresql://"
        + credentials
        + "@"
        + endpoint.host()
        + ":"
        + endpoint.port()
        + "/"
        + endpoint.database();
  }

  public static synchronized DatabaseEndpoint server() {
    if (server == null) {
      server = configured().orElseGet(TestDatabase::startOne);
    }
    return server;
  }

  private static Optional<DatabaseEndpoint> configured() {
    return Optional.ofNullable(System.getenv("FMUGW_TEST_DATABASE_URL"))
        .filter(url -> !url.isBlank())
        .map(url -> DatabaseUrl.parse(url, Optional.empty(), Optional.empty()));
  }

  private static DatabaseEndpoint startOne() {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
      container.start();
      log.info("Tests use a Testcontainers PostgreSQL");
      return new DatabaseEndpoint(
          DatabaseEndpoint.Kind.EXTERNAL,
          container.getHost(),
          container.getMappedPort(5432),
          container.getDatabaseName(),
          container.getUsername(),
          container.getPassword());
    }
    try {
      // Its data folder (about 300 MB) goes when it stops: every module's tests used to leave one.
      EmbeddedDatabase db =
          EmbeddedDatabase.startDisposable(Files.createTempDirectory("fmugw-test-pg"));
      Runtime.getRuntime().addShutdownHook(new Thread(db::close, "test-postgres-stop"));
      log.info("No Docker engine: tests use an embedded PostgreSQL");
      return db.endpoint();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
