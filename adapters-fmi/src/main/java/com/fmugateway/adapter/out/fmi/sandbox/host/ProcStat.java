package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.pool.PooledWorker.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A process's CPU time and mapped address space (what RLIMIT_AS limits), from one read of Linux's
 * {@code /proc/PID/stat}. Read after every sandboxed run, so it is one small file: {@link
 * ProcessHandle.Info} reads four (and looks the owner up in the user database) for its CPU time,
 * which cost the gateway about 4% of its CPU per run.
 */
final class ProcStat {

  /** What an unreadable or unparseable stat reads as: nothing used. */
  static final Usage NONE = new Usage(Duration.ZERO, 0);

  /** /proc counts CPU time in USER_HZ ticks: 100 a second on every Linux ABI (x86-64, arm64). */
  private static final long NANOS_PER_TICK = 10_000_000;

  // Fields after the command's closing parenthesis, counted from 0 (field 3 of proc(5), state).
  private static final int UTIME = 11;
  private static final int STIME = 12;
  private static final int VSIZE = 20;

  private ProcStat() {}

  static Usage of(long pid) {
    try {
      return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException e) {
      return NONE;
    }
  }

  /**
   * Parses a stat line. The command (field 2) is in parentheses and may hold spaces and parentheses
   * itself, so the fields are counted from its last closing parenthesis.
   */
  static Usage parse(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return NONE;
    }
    String[] fields = stat.substring(close + 1).trim().split(" ");
    if (fields.length <= VSIZE) {
      return NONE;
    }
    try {
      long ticks = Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]);
      return new Usage(Duration.ofNanos(ticks * NANOS_PER_TICK), Long.parseLong(fields[VSIZE]));
    } catch (NumberFormatException e) {
      return NONE;
    }
  }
}
