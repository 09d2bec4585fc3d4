package com.fmugateway.domain.fmu.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What inspecting an uploaded archive found, by its content hash, for the uploads used most
 * recently: the same bytes always inspect alike, so a run of an upload need not unzip and parse it
 * again (a few milliseconds for a small FMU, more with the size of the archive). The upload that
 * inspected it first puts it here, so its first run finds it too. Bounded by count and by an
 * estimate of the memory the descriptions take, since one may hold tens of thousands of variables.
 */
public final class InspectionCache {

  private static final long BYTES_PER_VARIABLE = 256;

  private final int capacity;
  private final long maxBytes;
  private final Map<Sha256, InspectedFmu> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;

  /**
   * @param capacity archives remembered at most; the least recently used goes first
   * @param maxBytes what the kept descriptions may take together, as {@link #weight} estimates it;
   *     a description larger than this alone is not kept
   */
  public InspectionCache(int capacity, long maxBytes) {
    if (capacity < 0 || maxBytes < 0) {
      throw new IllegalArgumentException(
          "capacity and maxBytes must not be negative: " + capacity + ", " + maxBytes);
    }
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  public synchronized Optional<InspectedFmu> get(Sha256 sha256) {
    return Optional.ofNullable(entries.get(sha256));
  }

  public synchronized void put(Sha256 sha256, InspectedFmu inspected) {
    long weight = weight(inspected);
    if (capacity == 0 || weight > maxBytes) {
      return;
    }
    InspectedFmu replaced = entries.put(sha256, inspected);
    bytes += weight - (replaced == null ? 0 : weight(replaced));
    while (entries.size() > capacity || bytes > maxBytes) {
      Sha256 eldest = entries.keySet().iterator().next();
      bytes -= weight(entries.remove(eldest));
    }
  }

  /**
   * About the bytes a description takes: {@value #BYTES_PER_VARIABLE} per variable for its objects,
   * and two per character of the texts it holds.
   */
  static long weight(InspectedFmu inspected) {
    ModelDescription description = inspected.description();
    long chars = description.description().map(String::length).orElse(0);
    for (ModelVariable v : description.variables()) {
      chars +=
          v.name().length()
              + v.start().map(String::length).orElse(0)
              + v.unit().map(String::length).orElse(0)
              + v.description().map(String::length).orElse(0);
    }
    return BYTES_PER_VARIABLE * description.variables().size() + 2 * chars;
  }
}
