package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmuLogTest {

  @Test
  void eachMessageBecomesOneLineWithStatusAndCategory() {
    FmuLog log = new FmuLog();

    log.add("Error", "logError", "T must be positive, got -1");

    assertThat(log.lines()).containsExactly("[Error] logError: T must be positive, got -1");
  }

  @Test
  void afterTheLineCapOneTruncationMarkerReplacesTheRest() {
    FmuLog log = new FmuLog();

    for (int i = 0; i < FmuLog.MAX_LINES + 50; i++) {
      log.add("OK", "logEvents", "event " + i);
    }

    assertThat(log.lines()).hasSize(FmuLog.MAX_LINES + 1).endsWith(FmuLog.TRUNCATED);
    assertThat(log.lines().get(FmuLog.MAX_LINES - 1)).endsWith("event " + (FmuLog.MAX_LINES - 1));
  }

  @Test
  void aFewHugeMessagesHitTheCharacterCapFirst() {
    FmuLog log = new FmuLog();
    String huge = "x".repeat(30 * 1024);

    for (int i = 0; i < 5; i++) {
      log.add("Warning", "logAll", huge);
    }

    assertThat(log.lines()).hasSize(3).endsWith(FmuLog.TRUNCATED);
  }

  @Test
  void aFrozenLogKeepsWhatItHadAndIgnoresTheRest() {
    FmuLog log = new FmuLog();
    log.add("Error", "logError", "the cause");

    log.freeze();
    log.add("Error", "logError", "fmi2Terminate must not be called in the error state");

    assertThat(log.lines()).containsExactly("[Error] logError: the cause");
  }
}
