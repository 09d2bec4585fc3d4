package com.fmugateway.adapter.out.persistence.health;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.fixtures.HealthProbeContract;
import com.fmugateway.domain.health.port.out.HealthProbe;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The probe on the test PostgreSQL, and on a port where no database listens. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class DatabaseHealthProbeIT extends HealthProbeContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired DatabaseHealthProbe probe;

  @Override
  protected HealthProbe probe() {
    return probe;
  }

  @Override
  protected Optional<HealthProbe> broken() {
    int port = closedPort();
    DatabaseClient nowhere =
        DatabaseClient.create(
            new PostgresqlConnectionFactory(
                PostgresqlConnectionConfiguration.builder()
                    .host("127.0.0.1")
                    .port(port)
                    .database("gone")
                    .username("nobody")
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()));
    return Optional.of(
        new DatabaseHealthProbe(
            nowhere,
            new DatabaseEndpoint(
                DatabaseEndpoint.Kind.EXTERNAL, "127.0.0.1", port, "gone", "nobody", "")));
  }

  /** A loopback port that was free a moment ago and has nobody listening on it now. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
