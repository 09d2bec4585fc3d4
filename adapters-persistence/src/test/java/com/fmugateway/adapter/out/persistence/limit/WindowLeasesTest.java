package com.fmugateway.adapter.out.persistence.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.RateDecision;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WindowLeasesTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
  private final WindowLeases leases = new WindowLeases(clock::get, 3);

  @Test
  void theLeaseIsOnePercentOfTheLimitBetweenOneAndOneHundred() {
    assertThat(WindowLeases.leaseSize(10)).isEqualTo(1);
    assertThat(WindowLeases.leaseSize(199)).isEqualTo(1);
    assertThat(WindowLeases.leaseSize(600)).isEqualTo(6);
    assertThat(WindowLeases.leaseSize(1_000_000)).isEqualTo(100);
  }

  @Test
  void nothingKnownSendsTheRequestToTheDatabase() {
    assertThat(leases.take("b", 600)).isEmpty();
  }

  @Test
  void spareHitsAreSpentOnceEachThenTheDatabaseIsAskedAgain() {
    leases.learned("b", 600, 0, clock.get() + 60 * SECOND, 2, false);

    assertThat(leases.take("b", 600)).map(RateDecision::allowed).contains(true);
    assertThat(leases.take("b", 600)).map(RateDecision::allowed).contains(true);
    assertThat(leases.take("b", 600)).isEmpty();
  }

  @Test
  void aFullWindowIsRefusedUntilItEndsWithTheTimeLeft() {
    leases.learned("b", 10, 0, clock.get() + 40 * SECOND, 0, true);
    clock.addAndGet(15 * SECOND);

    Optional<RateDecision> refused = leases.take("b", 10);

    assertThat(refused).map(RateDecision::allowed).contains(false);
    assertThat(refused.get().retryAfter()).isEqualTo(Duration.ofSeconds(25));
    clock.addAndGet(25 * SECOND);
    assertThat(leases.take("b", 10)).isEmpty();
  }

  @Test
  void hitsLeftWhenTheWindowFillsAreStillSpentBeforeRefusing() {
    long end = clock.get() + 60 * SECOND;
    leases.learned("b", 600, 0, end, 1, false);
    leases.learned("b", 600, 0, end, 0, true);

    assertThat(leases.take("b", 600)).map(RateDecision::allowed).contains(true);
    assertThat(leases.take("b", 600)).map(RateDecision::allowed).contains(false);
  }

  @Test
  void hitsOfAnEndedWindowAreNotSpent() {
    leases.learned("b", 600, 0, clock.get() + SECOND, 5, false);
    clock.addAndGet(SECOND);

    assertThat(leases.take("b", 600)).isEmpty();
  }

  @Test
  void aChangedLimitAsksTheDatabase() {
    leases.learned("b", 10, 0, clock.get() + 60 * SECOND, 0, true);

    assertThat(leases.take("b", 600)).isEmpty();
  }

  @Test
  void aLateAnswerAboutAnOlderWindowDoesNotReplaceTheNewOne() {
    leases.learned("b", 600, 60_000, clock.get() + 60 * SECOND, 1, false);
    leases.learned("b", 600, 0, clock.get() + SECOND, 0, true);

    assertThat(leases.take("b", 600)).map(RateDecision::allowed).contains(true);
    assertThat(leases.take("b", 600)).isEmpty();
  }

  @Test
  void beyondTheCapANewBucketIsNotRememberedUntilEndedOnesAreForgotten() {
    for (String bucket : new String[] {"a", "b", "c"}) {
      leases.learned(bucket, 10, 0, clock.get() + SECOND, 0, true);
    }
    leases.learned("d", 10, 0, clock.get() + 60 * SECOND, 0, true);

    assertThat(leases.take("d", 10)).isEmpty();
    assertThat(leases.buckets()).isEqualTo(3);

    clock.addAndGet(2 * SECOND);
    leases.learned("d", 10, 0, clock.get() + 60 * SECOND, 0, true);

    assertThat(leases.take("d", 10)).map(RateDecision::allowed).contains(false);
    assertThat(leases.buckets()).isEqualTo(1);
  }
}
