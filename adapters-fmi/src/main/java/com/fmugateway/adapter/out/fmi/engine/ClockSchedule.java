package com.fmugateway.adapter.out.fmi.engine;

import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pending activations of a scheduled execution run: which input clocks are due at which time.
 * At one time the clocks come out by FMI priority, the lowest value first, then by value reference.
 */
final class ClockSchedule {

  /** How an input clock is scheduled. */
  enum Kind {
    /** Ticks by itself every interval from its shift. */
    PERIODIC,
    /** Ticks when the importer says: here, at the times the caller lists. */
    TRIGGERED,
    /** Ticks once, an interval the model announces after it scheduled it. */
    COUNTDOWN
  }

  /** An input clock of the FMU: its model partition runs when it ticks. */
  record InputClock(String name, int valueReference, int priority, Kind kind) {}

  private static final Comparator<InputClock> ORDER =
      Comparator.comparingInt(InputClock::priority).thenComparingInt(InputClock::valueReference);

  private final TreeMap<Double, TreeSet<InputClock>> due = new TreeMap<>();

  void add(double time, InputClock clock) {
    due.computeIfAbsent(time, t -> new TreeSet<>(ORDER)).add(clock);
  }

  boolean isEmpty() {
    return due.isEmpty();
  }

  /** The earliest time anything is due; only when not {@link #isEmpty()}. */
  double next() {
    return due.firstKey();
  }

  /** The clock due at {@code time} that runs first, taken off the schedule; null when none is. */
  InputClock take(double time) {
    TreeSet<InputClock> clocks = due.get(time);
    if (clocks == null) {
      return null;
    }
    InputClock first = clocks.pollFirst();
    if (clocks.isEmpty()) {
      due.remove(time);
    }
    return first;
  }
}
