package com.fmugateway.adapter.out.fmi.sandbox.pool;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A worker without a process: the pool's bookkeeping, seen from the worker's side. */
final class FakeWorker implements PooledWorker {

  private final int slot;
  private final boolean spare;
  private PoolKey key;
  private Path archive;
  private boolean killed;
  private boolean dead;
  private boolean folderDeleted;
  private Duration idleFor = Duration.ZERO;
  private long idleSince = System.nanoTime();
  private long addressSpaceUsed;

  FakeWorker(int slot, boolean spare) {
    this.slot = slot;
    this.spare = spare;
  }

  @Override
  public int slot() {
    return slot;
  }

  boolean spare() {
    return spare;
  }

  @Override
  public Optional<PoolKey> key() {
    return Optional.ofNullable(key);
  }

  @Override
  public void claim(PoolKey claimant) {
    if (key != null) {
      throw new IllegalStateException("the worker already belongs to " + key);
    }
    key = claimant;
  }

  @Override
  public void install(Path fmu) throws IOException {
    if (key == null) {
      throw new IllegalStateException("an unclaimed worker gets no FMU");
    }
    archive = fmu;
  }

  Optional<Path> archive() {
    return Optional.ofNullable(archive);
  }

  @Override
  public boolean alive() {
    return !killed && !dead;
  }

  /** The process died on its own, as an FMU may make it. */
  void die() {
    dead = true;
  }

  boolean killed() {
    return killed;
  }

  boolean folderDeleted() {
    return folderDeleted;
  }

  @Override
  public int runs() {
    return 0;
  }

  @Override
  public Usage usage() {
    return new Usage(Duration.ZERO, addressSpaceUsed);
  }

  /** As if its process had mapped this many bytes (an FMU leaking memory, say). */
  void mapped(long bytes) {
    addressSpaceUsed = bytes;
  }

  @Override
  public void markIdle() {
    idleSince = System.nanoTime();
    idleFor = Duration.ZERO;
  }

  /** As if it had been idle this long. */
  void idleFor(Duration duration) {
    idleFor = duration;
  }

  @Override
  public boolean idleLongerThan(Duration limit) {
    return idleFor.compareTo(limit) > 0;
  }

  @Override
  public long idleSince() {
    return idleSince - idleFor.toNanos();
  }

  @Override
  public CompletableFuture<Void> killAndAwaitExit() {
    killed = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void deleteFolder() {
    folderDeleted = true;
  }

  @Override
  public String toString() {
    return "worker in slot " + slot + (spare ? " (spare)" : "") + " of " + key;
  }
}
