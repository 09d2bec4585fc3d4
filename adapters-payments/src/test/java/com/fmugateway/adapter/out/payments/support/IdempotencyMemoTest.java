package com.fmugateway.adapter.out.payments.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fixtures.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyMemoTest {

  private final MutableClock clock = MutableClock.atEpochDay();
  private final AtomicInteger made = new AtomicInteger();
  private final IdempotencyMemo<Integer> memo =
      new IdempotencyMemo<>(3, Duration.ofHours(1), clock);

  @Test
  void theSameKey_getsWhatWasMadeTheFirstTime() {
    assertThat(memo.computeIfAbsent("k", k -> made.incrementAndGet())).isEqualTo(1);
    assertThat(memo.computeIfAbsent("k", k -> made.incrementAndGet())).isEqualTo(1);
  }

  @Test
  void aKeyOlderThanItsLifetime_isForgotten() {
    memo.computeIfAbsent("k", k -> made.incrementAndGet());
    clock.advance(Duration.ofHours(2));

    assertThat(memo.computeIfAbsent("k", k -> made.incrementAndGet())).isEqualTo(2);
  }

  @Test
  void beyondCapacity_theOldestKeyIsForgotten() {
    for (String key : new String[] {"a", "b", "c", "d"}) {
      memo.computeIfAbsent(key, k -> made.incrementAndGet());
    }

    assertThat(memo.computeIfAbsent("d", k -> made.incrementAndGet())).isEqualTo(4);
    assertThat(memo.computeIfAbsent("a", k -> made.incrementAndGet())).isEqualTo(5);
  }

  @Test
  void aRemovedFailure_letsTheNextAttemptMakeAnew() {
    Integer first = memo.computeIfAbsent("k", k -> made.incrementAndGet());
    memo.remove("k", first);

    assertThat(memo.computeIfAbsent("k", k -> made.incrementAndGet())).isEqualTo(2);
  }
}
