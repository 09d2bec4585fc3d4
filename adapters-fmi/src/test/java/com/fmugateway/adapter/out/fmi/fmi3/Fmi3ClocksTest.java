package com.fmugateway.adapter.out.fmi.fmi3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fmi3ClocksTest {

  private static final int TICK = 1;
  private static final int TRIGGER = 2;
  private static final int COUNTDOWN = 3;
  private static final int OUT_CLOCK = 4;
  private static final int TICKS = 5;
  private static final int TRIGGERS = 6;
  private static final int COUNTDOWNS = 7;
  private static final int OUT_TICKS = 8;
  private static final int INCREMENT = 9;
  private static final int SUM = 10;

  @TempDir Path tempDir;
  private Fmi3TestFmus.Loaded fmu;
  private Fmi3ScheduledExecution se;
  private final AtomicInteger clockUpdates = new AtomicInteger();

  @BeforeEach
  void start() {
    fmu = Fmi3TestFmus.load("Clocks3", tempDir);
    se =
        Fmi3Instance.instantiateScheduledExecution(
            fmu.fmu(), "clocks", fmu.token(), clockUpdates::incrementAndGet, line -> {});
    se.enterInitializationMode(0);
    se.exitInitializationMode();
  }

  @AfterEach
  void stop() {
    se.close();
    fmu.close();
  }

  @Test
  void thePeriodicClock_hasItsConstantInterval() {
    assertThat(se.clocks().interval(TICK))
        .isEqualTo(new Fmi3Clocks.Interval(0.5, Fmi3Clocks.Qualifier.UNCHANGED));
    assertThat(se.clocks().shifts(TICK)).containsExactly(0.0);
  }

  @Test
  void ticks_countAndTickTheOutputClockEverySecondTime() {
    se.activateModelPartition(TICK, 0.0);
    assertThat(se.clocks().get(OUT_CLOCK)).isFalse();

    se.activateModelPartition(TICK, 0.5);

    assertThat(clockUpdates).hasValue(1);
    assertThat(se.clocks().get(OUT_CLOCK)).isTrue();
    assertThat(se.clocks().get(OUT_CLOCK)).as("a tick is read once").isFalse();
    assertThat(se.values().getInt32(TICKS)).isEqualTo(2);
    assertThat(se.values().getInt32(OUT_TICKS)).isEqualTo(1);
  }

  @Test
  void everyThirdTick_schedulesTheCountdown_whoseIntervalIsReadOnce() {
    assertThat(se.clocks().interval(COUNTDOWN).qualifier())
        .isEqualTo(Fmi3Clocks.Qualifier.NOT_YET_KNOWN);
    for (int k = 0; k < 3; k++) {
      se.activateModelPartition(TICK, 0.5 * k);
    }

    assertThat(clockUpdates).as("outClock at tick 2, countdown at tick 3").hasValue(2);
    assertThat(se.clocks().interval(COUNTDOWN))
        .isEqualTo(new Fmi3Clocks.Interval(0.2, Fmi3Clocks.Qualifier.CHANGED));
    assertThat(se.clocks().interval(COUNTDOWN).qualifier())
        .isEqualTo(Fmi3Clocks.Qualifier.UNCHANGED);

    se.activateModelPartition(COUNTDOWN, 1.0 + 0.2);

    assertThat(se.values().getInt32(COUNTDOWNS)).isEqualTo(1);
    assertThat(se.values().getFloat64(0)).as("time").isEqualTo(1.2);
    assertThat(se.clocks().interval(COUNTDOWN).qualifier())
        .as("fired, so not scheduled any more")
        .isEqualTo(Fmi3Clocks.Qualifier.NOT_YET_KNOWN);
  }

  @Test
  void theTriggeredClock_addsItsClockedInput() {
    se.values().setInt32(new int[] {INCREMENT}, 5);
    se.activateModelPartition(TRIGGER, 0.3);
    se.values().setInt32(new int[] {INCREMENT}, 7);
    se.activateModelPartition(TRIGGER, 0.4);

    assertThat(se.values().getInt32(TRIGGERS)).isEqualTo(2);
    assertThat(se.values().getInt32(SUM)).isEqualTo(12);
    assertThat(clockUpdates).hasValue(0);
  }

  @Test
  void aScheduleOfSixTicksTwoTriggersAndTheCountdowns_givesThePredictedCounters() {
    int outClockReads = 0;
    for (int k = 0; k < 6; k++) {
      double t = 0.5 * k;
      se.activateModelPartition(TICK, t);
      if (se.clocks().get(OUT_CLOCK)) {
        outClockReads++;
      }
      if (se.clocks().interval(COUNTDOWN).qualifier() == Fmi3Clocks.Qualifier.CHANGED) {
        se.activateModelPartition(COUNTDOWN, t + 0.2);
      }
      if (k == 1 || k == 4) {
        se.activateModelPartition(TRIGGER, t + 0.1);
      }
    }

    assertThat(se.values().getInt32(new int[] {TICKS, TRIGGERS, COUNTDOWNS, OUT_TICKS, SUM}, 5))
        .containsExactly(6, 2, 2, 3, 2);
    assertThat(outClockReads).isEqualTo(3);
    assertThat(clockUpdates).as("3 output ticks and 2 countdown schedules").hasValue(5);
  }

  @Test
  void onlyInputClocks_haveModelPartitions() {
    assertThatThrownBy(() -> se.activateModelPartition(OUT_CLOCK, 1.0))
        .isInstanceOf(Fmi3Exception.class)
        .hasMessageContaining("outClock is not an input clock");
    assertThatThrownBy(() -> se.clocks().interval(TRIGGER))
        .isInstanceOf(Fmi3Exception.class)
        .hasMessageContaining("has no interval");
  }
}
