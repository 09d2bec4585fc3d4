package com.fmugateway.bootstrap.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapAfterCollectionsTest {

  private static final String HEAP_POOL = HeapAfterCollections.heapPools().get(0).getName();

  @Test
  void theHeapPoolsAfterACollection_areSummedAndThePeakKeptUntilReset() {
    try (HeapAfterCollections heap = new HeapAfterCollections()) { // hears no real collection
      heap.record(Map.of(HEAP_POOL, used(40), "Metaspace", used(1_000)));
      heap.resetPeak();
      heap.record(Map.of(HEAP_POOL, used(90)));
      heap.record(Map.of(HEAP_POOL, used(60)));

      assertThat(heap.snapshot()).isEqualTo(new HeapAfterCollections.Snapshot(60, 90, 2));

      heap.resetPeak();

      assertThat(heap.snapshot()).isEqualTo(new HeapAfterCollections.Snapshot(60, 60, 0));
    }
  }

  @Test
  void aRealCollection_isHeardWithTheHeapLeftInUse() {
    try (HeapAfterCollections heap = HeapAfterCollections.listening()) {
      // Garbage until the JVM collects (the tests run with System.gc() disabled).
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> allocateGarbage() && heap.snapshot().collections() > 0);
      long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
      assertThat(heap.snapshot().lastBytes()).isPositive().isLessThanOrEqualTo(committed);
    }
  }

  private static volatile byte[] garbage;

  private static boolean allocateGarbage() {
    for (int i = 0; i < 64; i++) {
      garbage = new byte[1 << 20];
    }
    return true;
  }

  private static MemoryUsage used(long bytes) {
    return new MemoryUsage(0, bytes, bytes, -1);
  }
}
