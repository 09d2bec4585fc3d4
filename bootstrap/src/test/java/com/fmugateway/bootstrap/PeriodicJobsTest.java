package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fmugateway.domain.shared.model.PeriodicJob;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The periodic-job helper, on virtual time: no test here waits for a real clock. */
class PeriodicJobsTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(PeriodicJobs.class);
  private final AtomicInteger runs = new AtomicInteger();

  @BeforeEach
  void captureTheLog() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logged);
    time.dispose();
  }

  @Test
  void aJob_firstRunsAfterItsInitialDelay_thenOncePerPeriod() {
    Disposable job =
        PeriodicJobs.schedule(
            new PeriodicJob("counter", MINUTE, Duration.ofSeconds(10), this::count), time);

    time.advanceTimeBy(Duration.ofSeconds(9));
    assertThat(runs).hasValue(0);
    time.advanceTimeBy(Duration.ofSeconds(1));
    assertThat(runs).hasValue(1);
    time.advanceTimeBy(Duration.ofMinutes(3));
    assertThat(runs).hasValue(4);
    job.dispose();
  }

  @Test
  void aFailedRun_isLoggedWithTheJobsName_andTheJobRunsAgainNextPeriod() {
    Disposable job =
        PeriodicJobs.schedule(
            PeriodicJob.every(
                MINUTE,
                "flaky",
                () ->
                    runs.incrementAndGet() == 1
                        ? Mono.error(new IllegalStateException("database down"))
                        : Mono.empty()),
            time);

    time.advanceTimeBy(MINUTE);
    assertThat(logged.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.WARN);
              assertThat(event.getFormattedMessage()).contains("'flaky'");
              assertThat(event.getThrowableProxy().getMessage()).isEqualTo("database down");
            });

    time.advanceTimeBy(Duration.ofMinutes(2));
    assertThat(runs).hasValue(3);
    assertThat(logged.list).hasSize(1);
    job.dispose();
  }

  @Test
  void aWorkSupplierThatThrows_isLoggedLikeAFailedRun_andTheJobGoesOn() {
    Disposable job =
        PeriodicJobs.schedule(
            PeriodicJob.every(
                MINUTE,
                "throws",
                () -> {
                  runs.incrementAndGet();
                  throw new IllegalStateException("not even a Mono");
                }),
            time);

    time.advanceTimeBy(Duration.ofMinutes(3));

    assertThat(runs).hasValue(3);
    assertThat(logged.list).hasSize(3);
    job.dispose();
  }

  @Test
  void aRunLongerThanThePeriod_neverOverlapsTheNext_andTheTicksItMissesAreSkipped() {
    AtomicInteger active = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    // Each run takes two and a half periods.
    Disposable job =
        PeriodicJobs.schedule(
            PeriodicJob.every(
                MINUTE,
                "slow",
                () ->
                    Mono.defer(
                        () -> {
                          runs.incrementAndGet();
                          mostAtOnce.accumulateAndGet(active.incrementAndGet(), Math::max);
                          return Mono.delay(Duration.ofSeconds(150), time)
                              .doFinally(signal -> active.decrementAndGet());
                        })),
            time);

    time.advanceTimeBy(Duration.ofMinutes(10));

    // Runs start at 1:00, 4:00 (the first tick after 3:30), 7:00 and 10:00; none is queued.
    assertThat(runs).hasValue(4);
    assertThat(mostAtOnce).hasValue(1);
    job.dispose();
  }

  @Test
  void disposingAJob_cancelsTheRunInProgress_andNoRunFollows() {
    AtomicBoolean cancelled = new AtomicBoolean();
    Disposable job =
        PeriodicJobs.schedule(
            PeriodicJob.every(
                MINUTE,
                "long",
                () ->
                    Mono.defer(
                        () -> {
                          runs.incrementAndGet();
                          return Mono.delay(Duration.ofMinutes(5), time)
                              .doOnCancel(() -> cancelled.set(true));
                        })),
            time);
    time.advanceTimeBy(Duration.ofSeconds(90));

    job.dispose();
    time.advanceTimeBy(Duration.ofHours(1));

    assertThat(runs).hasValue(1);
    assertThat(cancelled).isTrue();
  }

  @Test
  void stoppingTheApplication_stopsEveryJob() {
    PeriodicJobs jobs =
        new PeriodicJobs(
            List.of(
                PeriodicJob.every(MINUTE, "one", this::count),
                PeriodicJob.every(Duration.ofMinutes(2), "two", this::count)),
            time);

    jobs.start();
    time.advanceTimeBy(Duration.ofMinutes(2));
    assertThat(jobs.isRunning()).isTrue();
    assertThat(runs).hasValue(3);

    jobs.stop();
    time.advanceTimeBy(Duration.ofHours(1));
    assertThat(jobs.isRunning()).isFalse();
    assertThat(runs).hasValue(3);
  }

  private Mono<Integer> count() {
    return Mono.fromSupplier(runs::incrementAndGet);
  }
}
