package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.sandbox.pool.PooledWorker.Usage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcStatTest {

  /** One read of a freshly opened stat file, as a worker's first figure is read. */
  private static Usage readOnce(long pid) {
    return ProcStat.Open.of(pid)
        .map(
            open -> {
              try (open) {
                return open.read();
              }
            })
        .orElse(ProcStat.NONE);
  }

  @Test
  void aStatLine_givesCpuTimeInTicksAndTheVirtualSize() {
    String stat =
        "4242 (java) S 1 4242 4242 0 -1 4194560 9000 0 12 0 250 75 0 0 20 0 31 0 123456"
            + " 1633222656 19000 18446744073709551615 1 1 0 0 0 0 0 4096 17638 0 0 0 17 1 0 0";

    Usage read = ProcStat.parse(stat);

    assertThat(read.cpu()).isEqualTo(Duration.ofMillis(3_250)); // (250 + 75) ticks of 10 ms
    assertThat(read.addressSpaceBytes()).isEqualTo(1_633_222_656L);
  }

  @Test
  void aCommandWithSpacesAndParentheses_doesNotShiftTheFields() {
    String stat = "7 (a) b (c) R 1 7 7 0 -1 0 0 0 0 0 10 20 0 0 20 0 1 0 5 4096 1 0";

    assertThat(ProcStat.parse(stat)).isEqualTo(new Usage(Duration.ofMillis(300), 4096));
  }

  @Test
  void aTruncatedOrGarbledLine_readsAsNothingUsed() {
    assertThat(ProcStat.parse("12 (zombie) Z 1 2 3")).isEqualTo(ProcStat.NONE);
    assertThat(ProcStat.parse("no parenthesis at all")).isEqualTo(ProcStat.NONE);
    assertThat(ProcStat.parse("1 (x) S 1 1 1 0 -1 0 0 0 0 0 ten 20 0 0 20 0 1 0 5 4096 1 0"))
        .isEqualTo(ProcStat.NONE);
  }

  @Test
  void thisProcess_agreesWithTheJvmsOwnFigures() {
    long pid = ProcessHandle.current().pid();
    Usage read = readOnce(pid);
    Duration jdk = ProcessHandle.current().info().totalCpuDuration().orElseThrow();

    assertThat(read.addressSpaceBytes()).isPositive();
    // Both read the same counters a moment apart: within a few ticks of each other.
    assertThat(read.cpu()).isBetween(jdk.minusMillis(200), jdk.plusMillis(200));
    assertThat(readOnce(Long.MAX_VALUE)).isEqualTo(ProcStat.NONE);
  }

  @Test
  void anOpenStatFile_readsTheFiguresAfreshEachTime() {
    long pid = ProcessHandle.current().pid();
    try (ProcStat.Open open = ProcStat.Open.of(pid).orElseThrow()) {
      Usage first = open.read();
      Duration target = first.cpu().plusMillis(50);
      // Spend CPU until a fresh open of the file shows 50 ms more: the held one must show it too.
      long spin = 0;
      while (readOnce(pid).cpu().compareTo(target) < 0) {
        for (int i = 0; i < 1_000_000; i++) {
          spin += i ^ spin;
        }
      }

      assertThat(open.read().cpu()).isGreaterThanOrEqualTo(target);
      assertThat(open.read().addressSpaceBytes()).isPositive();
      assertThat(spin).isNotEqualTo(1); // keeps the loop from being optimized away
    }
  }

  @Test
  void anOpenStatFile_ofAProcessThatExited_readsAsNothingUsed() throws Exception {
    Process cat = new ProcessBuilder("cat").start();
    try (ProcStat.Open open = ProcStat.Open.of(cat.pid()).orElseThrow()) {
      assertThat(open.read().addressSpaceBytes()).isPositive();

      cat.destroyForcibly().waitFor();

      assertThat(open.read()).isEqualTo(ProcStat.NONE);
    } finally {
      cat.destroyForcibly();
    }
  }
}
