package com.fmugateway.adapter.out.persistence.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.port.out.RateLimiter;
import com.fmugateway.domain.fixtures.RateLimiterContract;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcRateLimiterIT extends RateLimiterContract {

  private static final Duration HOUR = Duration.ofHours(1);

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcRateLimiter limiter;
  @Autowired DatabaseClient db;

  @Override
  protected RateLimiter limiter() {
    return limiter;
  }

  @Test
  void aLargeLimitIsCountedTenHitsAtATimeAndNeverPassed() {
    String bucket = "test:" + UUID.randomUUID();

    for (int i = 0; i < 25; i++) {
      assertThat(allowed(limiter, bucket, 1_000)).isTrue();
    }
    // Three leases of 10 (1% of the limit), not 25 counts.
    assertThat(hits(bucket)).isEqualTo(30);

    int admitted = 25;
    while (allowed(limiter, bucket, 1_000)) {
      admitted++;
    }
    assertThat(admitted).isEqualTo(1_000);
  }

  @Test
  void concurrentRequestsToOneGatewayNeverPassALargeLimitAndLeaveNoHitUnspent() {
    String bucket = "test:" + UUID.randomUUID();

    List<Boolean> together = concurrently(limiter, bucket, 1_000, 1_500, 32);
    int admitted = (int) together.stream().filter(ok -> ok).count();
    // A request refused while others' leases were on their way leaves those hits to later ones.
    while (allowed(limiter, bucket, 1_000)) {
      admitted++;
    }

    assertThat(together.stream().filter(ok -> ok).count()).isLessThanOrEqualTo(1_000);
    assertThat(admitted).isEqualTo(1_000);
  }

  @Test
  void twoGatewaysNeverTogetherPassTheLimitAndRefuseEarlyOnlyByTheOthersUnspentLease() {
    String bucket = "test:" + UUID.randomUUID();
    R2dbcRateLimiter other = new R2dbcRateLimiter(db);
    int admitted = 0;
    int admittedAtFirstRefusal = -1;
    boolean oneOpen = true;
    boolean otherOpen = true;

    while (oneOpen || otherOpen) {
      oneOpen = oneOpen && allowed(limiter, bucket, 1_000);
      otherOpen = otherOpen && allowed(other, bucket, 1_000);
      admitted += (oneOpen ? 1 : 0) + (otherOpen ? 1 : 0);
      if (admittedAtFirstRefusal < 0 && !(oneOpen && otherOpen)) {
        admittedAtFirstRefusal = admitted;
      }
    }

    // The gateway refused first held nothing; the other held at most 9 of its 10 unspent.
    assertThat(admittedAtFirstRefusal).isBetween(1_000 - 9, 1_000);
    assertThat(admitted).isEqualTo(1_000);
  }

  @Test
  void aFullWindowIsRefusedWithoutCountingAgain() {
    String bucket = "test:" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      allowed(limiter, bucket, 3);
    }
    long counted = hits(bucket);

    for (int i = 0; i < 5; i++) {
      RateDecision refused = limiter.tryAcquire(bucket, 3, HOUR).block();
      assertThat(refused.allowed()).isFalse();
      assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(HOUR);
    }
    assertThat(hits(bucket)).isEqualTo(counted);
    // Another gateway, knowing nothing, asks the database, which refuses too.
    assertThat(allowed(new R2dbcRateLimiter(db), bucket, 3)).isFalse();
  }

  private static boolean allowed(R2dbcRateLimiter limiter, String bucket, int limit) {
    return limiter.tryAcquire(bucket, limit, HOUR).block().allowed();
  }

  private long hits(String bucket) {
    return db.sql("SELECT sum(hits) AS hits FROM rate_limit_windows WHERE bucket = :b")
        .bind("b", bucket)
        .map(row -> row.get("hits", Long.class))
        .one()
        .block();
  }
}
