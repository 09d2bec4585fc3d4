package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogCapTest {

  @Test
  void aLogWithinTheBudget_isKeptAsItIs() {
    List<String> log = List.of("abc", "def");

    assertThat(LogCap.apply(log, 6)).isSameAs(log);
  }

  @Test
  void linesPastTheBudget_areDroppedBehindAMarker() {
    assertThat(LogCap.apply(List.of("abc", "def", "ghi"), 7))
        .containsExactly("abc", "def", LogCap.TRUNCATED);
  }

  @Test
  void theBudgetCountsUtf8Bytes() {
    assertThat(LogCap.apply(List.of("ü"), 1)).containsExactly(LogCap.TRUNCATED);
  }
}
