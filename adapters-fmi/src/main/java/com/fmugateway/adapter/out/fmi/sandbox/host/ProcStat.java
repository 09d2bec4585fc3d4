package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.pool.PooledWorker.Usage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A process's CPU time and mapped address space (what RLIMIT_AS limits), from one read of Linux's
 * {@code /proc/PID/stat}. Read after every sandboxed run, so it is one small file: {@link
 * ProcessHandle.Info} reads four (and looks the owner up in the user database) for its CPU time,
 * which cost the gateway about 4% of its CPU per run. A worker keeps its file {@link Open}: opening
 * it for every read still took about 1.5%.
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

  /** Longer than any stat line: 52 numbers and a command of at most 64 bytes. */
  private static final int LONGEST_LINE = 4096;

  private ProcStat() {}

  /**
   * A process's stat file held open and read again from its start for each figure: Linux writes the
   * line afresh on every read from offset 0, and the open file stays bound to the process it was
   * opened for (a read after its exit fails rather than reading a newer process of the same pid).
   * Saves a path lookup, an open and a close on every read.
   */
  static final class Open implements Closeable {

    private final FileChannel file;
    private final ByteBuffer line = ByteBuffer.allocate(LONGEST_LINE);

    private Open(FileChannel file) {
      this.file = file;
    }

    /** The process's stat file, open; empty when it cannot be opened (the process is gone). */
    static Optional<Open> of(long pid) {
      try {
        return Optional.of(
            new Open(FileChannel.open(Path.of("/proc", Long.toString(pid), "stat"))));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    /** What the process has used so far; {@link #NONE} once it has exited or the file is closed. */
    synchronized Usage read() {
      line.clear();
      try {
        while (line.hasRemaining() && file.read(line, line.position()) > 0) {
          // A stat line comes whole in one read; the loop only guards a short one.
        }
      } catch (IOException e) {
        return NONE;
      }
      return parse(new String(line.array(), 0, line.position(), StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
      try {
        file.close();
      } catch (IOException e) {
        // Nothing was written: nothing to lose.
      }
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
