package com.fmugateway.domain.simulation.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.model.RunSlotClaim;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.simulation.model.ConcurrencyLimits;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds one of the account's run slots around a run: taken before it starts, given back however it
 * ends (result, failure, or a caller that went away). No free slot: the run does not start. A run
 * paid from credits has its slot taken by the write that holds its credits ({@link #claimedBy});
 * others take it here first ({@link #within}).
 */
final class RunSlots {

  private static final System.Logger LOG = System.getLogger(RunSlots.class.getName());

  private final ConcurrentRuns runs;
  private final ConcurrencyLimits limits;
  private final Clock clock;

  RunSlots(ConcurrentRuns runs, ConcurrencyLimits limits, Clock clock) {
    this.runs = Objects.requireNonNull(runs, "runs");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * One run's slot. It is given back once, if it was taken: the write that ends the run may give it
   * back with it ({@link com.fmugateway.domain.simulation.port.out.SettledRuns}), and then says so
   * here.
   */
  static final class Slot {

    private final UUID run;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final AtomicBoolean givenBack = new AtomicBoolean();

    Slot(UUID run) {
      this.run = Objects.requireNonNull(run, "run");
    }

    UUID run() {
      return run;
    }

    /** The write that secured the run's payment took this slot ({@link RunSlots#claimedBy}). */
    void takenWithPayment() {
      taken.set(true);
    }

    /** The run's end was written together with giving this slot back. */
    void givenBackWithRun() {
      givenBack.set(true);
    }
  }

  /** {@code work} in a slot of the account's; a {@link LimitReachedException} when none is free. */
  <T> Mono<T> within(AccountId account, Tier tier, Slot slot, Mono<T> work) {
    return Mono.usingWhen(start(account, tier, slot), held -> work, this::finish);
  }

  /** As {@link #within}, for work that streams: the slot is held until the stream ends. */
  <T> Flux<T> withinMany(AccountId account, Tier tier, Slot slot, Flux<T> work) {
    return Flux.usingWhen(start(account, tier, slot), held -> work, this::finish);
  }

  /**
   * {@code work}, given the claim on a slot that its first write takes (and then marks {@link
   * Slot#takenWithPayment}); the slot is given back however the work ends, if it was taken.
   */
  <T> Mono<T> claimedBy(Tier tier, Slot slot, Function<RunSlotClaim, Mono<T>> work) {
    return Mono.usingWhen(Mono.just(slot), held -> work.apply(claim(tier, held)), this::finish);
  }

  /** As {@link #claimedBy}, for work that streams. */
  <T> Flux<T> claimedByMany(Tier tier, Slot slot, Function<RunSlotClaim, Flux<T>> work) {
    return Flux.usingWhen(Mono.just(slot), held -> work.apply(claim(tier, held)), this::finish);
  }

  private RunSlotClaim claim(Tier tier, Slot slot) {
    Instant now = clock.now();
    return new RunSlotClaim(slot.run(), limits.max(tier), now, now.plus(limits.lease()));
  }

  private Mono<Slot> start(AccountId account, Tier tier, Slot slot) {
    return Mono.defer(
        () -> {
          RunSlotClaim claim = claim(tier, slot);
          return runs.tryStart(account, claim.run(), claim.max(), claim.now(), claim.leaseUntil())
              .flatMap(
                  started -> {
                    if (!started) {
                      return Mono.error(claim.refused());
                    }
                    slot.taken.set(true);
                    return Mono.just(slot);
                  });
        });
  }

  /**
   * Gives the slot back however the work ended: result, failure or cancel. Errors are logged, never
   * raised: the run's own outcome is what the caller gets.
   */
  private Mono<Void> finish(Slot slot) {
    if (!slot.taken.get() || slot.givenBack.get()) {
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
}
