package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Keeps an FMU log within a byte budget, marking where the rest was dropped. */
final class LogCap {

  static final String TRUNCATED = "… log truncated";

  private LogCap() {}

  static List<String> apply(List<String> lines, long maxBytes) {
    List<String> kept = new ArrayList<>();
    long bytes = 0;
    for (String line : lines) {
      bytes += line.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxBytes) {
        kept.add(TRUNCATED);
        return kept;
      }
      kept.add(line);
    }
    return lines;
  }
}
