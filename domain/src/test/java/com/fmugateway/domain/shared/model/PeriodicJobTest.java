package com.fmugateway.domain.shared.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PeriodicJobTest {

  @Test
  void every_firstRunsOnePeriodAfterStartUp() {
    PeriodicJob job = PeriodicJob.every(Duration.ofMinutes(10), "purge", Mono::empty);

    assertThat(job.initialDelay()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aPeriodOfZero_orANegativeInitialDelay_isRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PeriodicJob.every(Duration.ZERO, "busy", Mono::empty));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PeriodicJob(
                    "late", Duration.ofMinutes(1), Duration.ofSeconds(-1), Mono::empty));
  }
}
