package com.fmugateway.adapter.out.fmi.fmi3;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One instance's logMessage callback: keeps the FMU's latest lines, bounded, for exceptions and
 * hands each line to an optional listener.
 */
final class Fmi3Log implements Fmi3Library.LogMessage {

  // Bounded both ways, so that an FMU logging in a loop cannot exhaust the heap.
  static final int MAX_LINES = 100;
  static final int MAX_CHARS = 4096;

  private final Deque<Fmi3LogLine> lines = new ArrayDeque<>();
  private final Consumer<Fmi3LogLine> listener;

  /** {@code listener} may be null: the lines are then only kept. */
  Fmi3Log(Consumer<Fmi3LogLine> listener) {
    this.listener = listener == null ? line -> {} : listener;
  }

  @Override
  public void invoke(Pointer environment, int status, Pointer category, Pointer message) {
    // An exception must not unwind through the FMU's C frames, so nothing escapes from here.
    try {
      Fmi3LogLine line = new Fmi3LogLine(Fmi3Status.of(status), text(category), text(message));
      synchronized (lines) {
        if (lines.size() == MAX_LINES) {
          lines.removeFirst();
        }
        lines.addLast(line);
      }
      listener.accept(line);
    } catch (RuntimeException e) {
      // Dropping a log line is the lesser harm.
    }
  }

  private static String text(Pointer p) {
    if (p == null) {
      return "";
    }
    String s = p.getString(0, StandardCharsets.UTF_8.name());
    return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + "…" : s;
  }

  List<Fmi3LogLine> lines() {
    synchronized (lines) {
      return new ArrayList<>(lines);
    }
  }
}
