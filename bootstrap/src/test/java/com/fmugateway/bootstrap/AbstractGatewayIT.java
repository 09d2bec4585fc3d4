package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.persistence.database.DatabaseEndpoint;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * The whole gateway on a random port, on a database and data directory of its own. Subclasses share
 * them (and Spring caches the context); every test works with fresh accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ThreadDumpOnFailure.class)
abstract class AbstractGatewayIT {

  protected static final DatabaseEndpoint DATABASE = TestDatabase.freshDatabase();
  private static final Path DATA_DIR = tempDir();

  @DynamicPropertySource
  static void gatewayProperties(DynamicPropertyRegistry registry) {
    // Shared unless a subclass names a database of its own (fmugw.test.database-url): gateways on
    // one database share their job engine's tasks, whatever each one's settings.
    registry.add(
        "fmugw.database.url",
        () -> "${fmugw.test.database-url:" + TestDatabase.url(DATABASE) + "}");
    registry.add("fmugw.api-key-secret", () -> TestKeys.SECRET);
    registry.add("fmugw.data-dir", DATA_DIR::toString);
    // Every test opens fresh accounts from 127.0.0.1; RateLimitIT checks the limits themselves.
    registry.add("fmugw.billing.anonymous-per-minute", () -> "100000");
    registry.add("fmugw.billing.tiers.free.runs-per-minute", () -> "100000");
    // The operator logs in (a key each time) once per test; RateLimitIT checks the key limits.
    registry.add("fmugw.keys.max-active", () -> "100000");
    registry.add("fmugw.keys.per-window", () -> "100000");
    // Every test logs in from 127.0.0.1, some with wrong passwords on purpose; the throttle's own
    // tests (PasswordAccountServiceTest, LogInApiTest, PortalSecurityTest) check the limits.
    registry.add("fmugw.log-in.per-address", () -> "100000");
    registry.add("fmugw.log-in.per-email", () -> "100000");
    // Short enough that HostileUploadIT's endless loop ends quickly; BouncingBall takes ~10 ms.
    registry.add("fmugw.simulation.timeout", () -> "5s");
    // The cached gateways close one after another when the JVM exits; each one's event loops
    // waited 2 s for stragglers, so the JVM took over Failsafe's 30 s to exit and was killed.
    registry.add("spring.reactor.netty.shutdown-quiet-period", () -> "0s");
  }

  @LocalServerPort int port;
  protected WebTestClient client;

  @BeforeEach
  void client() {
    client =
        WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(60))
            .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
            .build();
  }

  /** A client that sends a brand-new account's key on every request. */
  protected WebTestClient newCustomer() {
    String key = TestKeys.issue(client).get("key");
    return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
  }

  /**
   * A folder deleted when the JVM exits, after the cached gateways have closed (Spring Boot runs
   * its shutdown handlers once the contexts it closes are closed), so that no worker still uses it.
   */
  private static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("fmugw-it");
      SpringApplication.getShutdownHandlers().add(() -> deleteQuietly(dir));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e); // left behind in the temp folder
    }
  }
}
