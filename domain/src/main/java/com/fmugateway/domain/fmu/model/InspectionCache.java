package com.fmugateway.domain.fmu.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What inspecting an uploaded archive found, by its content hash, for the uploads used most
 * recently: the same bytes always inspect alike, so a run of an upload need not unzip and parse it
 * again (a few milliseconds for a small FMU, more with the size of the archive). The upload that
 * inspected it first puts it here, so its first run finds it too.
 */
public final class InspectionCache {

  private final int capacity;
  private final Map<Sha256, InspectedFmu> entries = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * @param capacity archives remembered at most; the least recently used goes first
   */
  public InspectionCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.capacity = capacity;
  }

  public synchronized Optional<InspectedFmu> get(Sha256 sha256) {
    return Optional.ofNullable(entries.get(sha256));
  }

  public synchronized void put(Sha256 sha256, InspectedFmu inspected) {
    if (capacity == 0) {
      return;
    }
    entries.put(sha256, inspected);
    if (entries.size() > capacity) {
      entries.remove(entries.keySet().iterator().next());
    }
  }
}
