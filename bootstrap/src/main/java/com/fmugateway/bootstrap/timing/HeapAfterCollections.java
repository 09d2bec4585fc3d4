package com.fmugateway.bootstrap.timing;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap left in use after each garbage collection, summed over the heap pools: what the gateway
 * still holds, where the pools' peak usage counts garbage not yet collected too. Its peak over a
 * large result, less its value before, is what streaming that result retained. For the benchmark
 * only (TimingConfiguration).
 */
final class HeapAfterCollections implements NotificationListener, AutoCloseable {

  /** The last collection's figure, the highest since {@link #resetPeak()}, collections since. */
  record Snapshot(long lastBytes, long peakBytes, long collections) {}

  private final Set<String> heapPools =
      heapPools().stream().map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private long last;
  private long peak;
  private long collections;

  /** Hears nothing until {@link #record}ed or made by {@link #listening()}. */
  HeapAfterCollections() {}

  /** Listens to every collector of this JVM from now on. */
  static HeapAfterCollections listening() {
    HeapAfterCollections listener = new HeapAfterCollections();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        listener.emitters.add(emitter);
      }
    }
    return listener;
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    record(info.getGcInfo().getMemoryUsageAfterGc());
  }

  synchronized void record(Map<String, MemoryUsage> afterByPool) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : afterByPool.entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    last = used;
    peak = Math.max(peak, used);
    collections++;
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(last, peak, collections);
  }

  /** Starts a new peak from the last collection's figure. */
  synchronized void resetPeak() {
    peak = last;
    collections = 0;
  }

  /** This JVM's heap pools (eden, survivor and old generation, as its collector names them). */
  static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .toList();
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(this);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}
