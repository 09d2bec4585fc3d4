package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.simulation.model.ConcurrencyLimits;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds one of the account's run slots around a run: taken before it starts, given back however it
 * ends (result, failure, or a caller that went away). No free slot: the run does not start.
 */
final class RunSlots {

  private static final System.Logger LOG = System.getLogger(RunSlots.class.getName());

  /** A slot frees when one of the account's runs ends; runs are short, so ask again soon. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final ConcurrentRuns runs;
  private final ConcurrencyLimits limits;
  private final Clock clock;

  RunSlots(ConcurrentRuns runs, ConcurrencyLimits limits, Clock clock) {
    this.runs = Objects.requireNonNull(runs, "runs");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * One run's slot. The write that ends the run may give the slot back with it ({@link
   * com.fmugateway.domain.simulation.port.out.SettledRuns}); then it says so here, and the slot is
   * not given back a second time.
   */
  static final class Slot {

    private final UUID run;
    private final AtomicBoolean givenBack = new AtomicBoolean();

    Slot(UUID run) {
      this.run = Objects.requireNonNull(run, "run");
    }

    UUID run() {
      return run;
    }

    /** The run's end was written together with giving this slot back. */
    void givenBackWithRun() {
      givenBack.set(true);
    }
  }

  /** {@code work} in a slot of the account's; a {@link LimitReachedException} when none is free. */
  <T> Mono<T> within(AccountId account, Tier tier, Slot slot, Mono<T> work) {
    return Mono.defer(
        () -> {
          int max = limits.max(tier);
          Instant now = clock.now();
          return runs.tryStart(account, slot.run(), max, now, now.plus(limits.lease()))
              .flatMap(
                  taken ->
                      taken
                          ? Mono.usingWhen(
                              Mono.just(slot),
                              held -> work,
                              this::finish,
                              (held, failure) -> finish(held),
                              this::finish)
                          : Mono.error(refused(max)));
        });
  }

  /** As {@link #within}, for work that streams: the slot is held until the stream ends. */
  <T> Flux<T> withinMany(AccountId account, Tier tier, Slot slot, Flux<T> work) {
    return Flux.defer(
        () -> {
          int max = limits.max(tier);
          Instant now = clock.now();
          return runs.tryStart(account, slot.run(), max, now, now.plus(limits.lease()))
              .flatMapMany(
                  taken ->
                      taken
                          ? Flux.usingWhen(
                              Mono.just(slot),
                              held -> work,
                              this::finish,
                              (held, failure) -> finish(held),
                              this::finish)
                          : Flux.error(refused(max)));
        });
  }

  /** Errors are logged, never raised: the run's own outcome is what the caller gets. */
  private Mono<Void> finish(Slot slot) {
    if (slot.givenBack.get()) {
      return Mono.empty();
    }
    UUID run = slot.run();
    return runs.finish(run)
        .onErrorResume(
            e -> {
              LOG.log(
                  System.Logger.Level.WARNING,
                  "Could not give back the slot of run " + run + "; it lapses with its lease",
                  e);
              return Mono.empty();
            });
  }

  private static LimitReachedException refused(int max) {
    return new LimitReachedException(
        "concurrent_runs",
        max,
        Optional.of(RETRY_AFTER),
        "this account already has "
            + max
            + (max == 1 ? " run" : " runs")
            + " in progress, as many as its plan allows at once; start this one when one of"
            + " them has ended");
  }
}
