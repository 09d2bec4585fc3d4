package com.fmugateway.domain.fmu.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fixtures.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectionCacheTest {

  private static final InspectedFmu INSPECTED = new InspectedFmu(Models.allTypes(), List.of());
  private static final Sha256 A = new Sha256("a".repeat(64));
  private static final Sha256 B = new Sha256("b".repeat(64));
  private static final Sha256 C = new Sha256("c".repeat(64));

  @Test
  void full_itForgetsTheArchiveUsedLeastRecently() {
    InspectionCache cache = new InspectionCache(2, 1L << 30);
    cache.put(A, INSPECTED);
    cache.put(B, INSPECTED);
    cache.get(A);

    cache.put(C, INSPECTED);

    assertThat(cache.get(A)).contains(INSPECTED);
    assertThat(cache.get(B)).isEmpty();
    assertThat(cache.get(C)).contains(INSPECTED);
  }

  @Test
  void itForgetsTheLeastRecentlyUsed_whileTheDescriptionsTogetherExceedTheBudget() {
    long each = InspectionCache.weight(INSPECTED);
    InspectionCache cache = new InspectionCache(10, 2 * each);
    cache.put(A, INSPECTED);
    cache.put(B, INSPECTED);

    cache.put(C, INSPECTED);

    assertThat(cache.get(A)).isEmpty();
    assertThat(cache.get(B)).contains(INSPECTED);
    assertThat(cache.get(C)).contains(INSPECTED);
  }

  @Test
  void aDescriptionLargerThanTheWholeBudget_isNotKept() {
    InspectionCache cache = new InspectionCache(10, InspectionCache.weight(INSPECTED) - 1);

    cache.put(A, INSPECTED);

    assertThat(cache.get(A)).isEmpty();
  }

  @Test
  void withNoCapacity_itKeepsNothing() {
    InspectionCache cache = new InspectionCache(0, 1L << 30);

    cache.put(A, INSPECTED);

    assertThat(cache.get(A)).isEmpty();
  }
}
