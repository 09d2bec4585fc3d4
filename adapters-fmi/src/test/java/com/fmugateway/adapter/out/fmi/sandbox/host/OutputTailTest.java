package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutputTailTest {

  @Test
  void aFlood_isDrainedToTheEndButOnlyItsLastBytesAreKept() throws Exception {
    String flood = "x".repeat(100_000) + "\n# SIGSEGV (0xb) at pc=0x1";
    OutputTail tail = OutputTail.drain(stream(flood), 64, "test-console");

    assertThat(tail.awaitEnd(Duration.ofSeconds(10))).isTrue();

    assertThat(tail.totalBytes()).isEqualTo(flood.length());
    assertThat(tail.textSince(0)).hasSize(64).isEqualTo(flood.substring(flood.length() - 64));
  }

  @Test
  void textSinceAMark_leavesOutWhatCameBefore() throws Exception {
    OutputTail tail = OutputTail.drain(stream("first run\nsecond run\n"), 1024, "test-console");
    tail.awaitEnd(Duration.ofSeconds(10));

    assertThat(tail.textSince("first run\n".length())).isEqualTo("second run\n");
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
