package com.fmugateway.adapter.out.fmi.sandbox.pool;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the pool needs of a live worker. A worker is started unclaimed and is claimed by exactly one
 * {@link PoolKey} for the rest of its life.
 */
public interface PooledWorker {

  int slot();

  /** Empty while the worker is a spare, nobody's yet. */
  Optional<PoolKey> key();

  /**
   * Gives the worker to {@code key} for good.
   *
   * @throws IllegalStateException when it already belongs to a key, even the same one
   */
  void claim(PoolKey key);

  /** Makes {@code archive} the one FMU the worker runs; only after {@link #claim}. */
  void install(Path archive) throws IOException;

  boolean alive();

  /** Runs served for its key (a spare's warm-up run is not one). */
  int runs();

  /**
   * What it has used so far, read at once after each run (so cheaply): CPU time, against its
   * RLIMIT_CPU, and bytes of address space mapped, against its RLIMIT_AS (what an FMU that leaks
   * memory makes grow run after run). Zero when unknown.
   */
  Usage usage();

  /** CPU time and mapped address space of a worker's process. */
  record Usage(Duration cpu, long addressSpaceBytes) {}

  void markIdle();

  boolean idleLongerThan(Duration limit);

  /** When the worker last became idle, in {@link System#nanoTime()}. */
  long idleSince();

  /** Kills the worker; completes once all its processes have exited. */
  CompletableFuture<Void> killAndAwaitExit();

  /** Removes the worker's private folder; for a worker that has exited. */
  void deleteFolder();
}
