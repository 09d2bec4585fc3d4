package com.fmugateway.adapter.out.fmi.engine;

import java.util.ArrayList;
import java.util.List;

/** The messages one FMU instance logged during a run, capped so a chatty FMU cannot fill memory. */
final class FmuLog {

  static final int MAX_LINES = 200;
  static final int MAX_CHARS = 64 * 1024;
  static final String TRUNCATED = "… log truncated";

  private final List<String> lines = new ArrayList<>();
  private int chars;
  private boolean truncated;
  private boolean frozen;

  /** Records one logger callback, e.g. {@code [Error] logError: T must be positive}. */
  synchronized void add(String status, String category, String message) {
    if (frozen || truncated) {
      return;
    }
    String line = "[" + status + "] " + category + ": " + message;
    if (lines.size() == MAX_LINES || chars + line.length() > MAX_CHARS) {
      truncated = true;
      return;
    }
    lines.add(line);
    chars += line.length();
  }

  /**
   * Records that messages were lost before they reached this log: it ends with {@link #TRUNCATED}.
   */
  synchronized void truncate() {
    if (!frozen) {
      truncated = true;
    }
  }

  /**
   * Ignores everything logged from now on. Called when a run fails, so that the complaints an FMU
   * makes while it is torn down in its error state do not bury the message that explains the
   * failure.
   */
  synchronized void freeze() {
    frozen = true;
  }

  synchronized List<String> lines() {
    List<String> copy = new ArrayList<>(lines);
    if (truncated) {
      copy.add(TRUNCATED);
    }
    return copy;
  }
}
