package com.fmugateway.adapter.out.persistence.database;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What this gateway has sent its database since it started, by kind: each is one round trip. Read
 * by the benchmark (through {@link DatabaseActivityProbe}) to show round trips per run.
 */
public final class DatabaseActivity {

  /** A message that waits for the server's answer. */
  enum Kind {
    STATEMENT,
    BEGIN,
    COMMIT,
    ROLLBACK,
    VALIDATION
  }

  private final Map<Kind, LongAdder> counts = new EnumMap<>(Kind.class);

  public DatabaseActivity() {
    for (Kind kind : Kind.values()) {
      counts.put(kind, new LongAdder());
    }
  }

  void count(Kind kind) {
    counts.get(kind).increment();
  }

  /** Counts by kind (lower case) and their sum as {@code round_trips}. */
  public Map<String, Long> counts() {
    Map<String, Long> snapshot = new LinkedHashMap<>();
    long total = 0;
    for (Map.Entry<Kind, LongAdder> entry : counts.entrySet()) {
      long n = entry.getValue().sum();
      snapshot.put(entry.getKey().name().toLowerCase(Locale.ROOT), n);
      total += n;
    }
    snapshot.put("round_trips", total);
    return snapshot;
  }
}
