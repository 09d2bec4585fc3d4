package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drains a worker's console (stdout and stderr together) on a thread of its own, so that a flooding
 * FMU never blocks on a full pipe, and keeps only the last bytes: enough for the JVM's crash
 * summary, never enough to fill the gateway's memory.
 */
final class OutputTail {

  private final byte[] ring;
  private final CountDownLatch ended = new CountDownLatch(1);
  private long total;

  private OutputTail(int capacity) {
    this.ring = new byte[capacity];
  }

  static OutputTail drain(InputStream console, int capacity, String threadName) {
    OutputTail tail = new OutputTail(capacity);
    Thread thread = new Thread(() -> tail.pump(console), threadName);
    thread.setDaemon(true);
    thread.start();
    return tail;
  }

  /** Waits until the worker's end of the pipe is closed, at most {@code limit}. */
  boolean awaitEnd(Duration limit) throws InterruptedException {
    return ended.await(limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The bytes written since {@link #totalBytes()} returned {@code mark}, as far as kept. */
  synchronized String textSince(long mark) {
    int size = (int) Math.min(total - Math.min(mark, total), ring.length);
    byte[] last = new byte[size];
    int start = (int) ((total - size) % ring.length);
    int firstPart = Math.min(size, ring.length - start);
    System.arraycopy(ring, start, last, 0, firstPart);
    System.arraycopy(ring, 0, last, firstPart, size - firstPart);
    return new String(last, StandardCharsets.UTF_8);
  }

  synchronized long totalBytes() {
    return total;
  }

  private void pump(InputStream console) {
    byte[] buffer = new byte[8192];
    try (console) {
      for (int n = console.read(buffer); n >= 0; n = console.read(buffer)) {
        append(buffer, n);
      }
    } catch (IOException e) {
      // The pipe breaks when the worker is killed; what was read so far is all there is.
    } finally {
      ended.countDown();
    }
  }

  private synchronized void append(byte[] bytes, int length) {
    int skip = Math.max(0, length - ring.length);
    total += skip;
    int remaining = length - skip;
    int offset = skip;
    while (remaining > 0) {
      int at = (int) (total % ring.length);
      int chunk = Math.min(remaining, ring.length - at);
      System.arraycopy(bytes, offset, ring, at, chunk);
      total += chunk;
      offset += chunk;
      remaining -= chunk;
    }
  }
}
