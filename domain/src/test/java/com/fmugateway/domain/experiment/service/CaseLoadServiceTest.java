package com.fmugateway.domain.experiment.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.experiment.model.CaseLoad;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CaseLoadServiceTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void load_readsWhatEachNodeEndedInTheLastHour_andItsPacePerMinute() {
    AtomicReference<Instant> since = new AtomicReference<>();
    CaseLoadService service =
        new CaseLoadService(
            from -> {
              since.set(from);
              return Mono.just(new CaseLoad(7, 2, List.of(new CaseLoad.NodeLoad("n1", 2, 60, 30))));
            },
            () -> NOW);

    StepVerifier.create(service.load())
        .assertNext(
            load -> {
              assertThat(load.queued()).isEqualTo(7);
              assertThat(load.nodes().get(0).casesPerMinute()).isEqualTo(1.5);
            })
        .verifyComplete();
    assertThat(since.get()).isEqualTo(NOW.minusSeconds(3600));
  }
}
