package com.fmugateway.adapter.out.fmi.sandbox.pool;

import java.io.IOException;

/** Starts unclaimed workers for the pool. */
public interface WorkerStarter<W extends PooledWorker> {

  /**
   * Starts a worker in {@code slot} (its uid) and waits until it is ready.
   *
   * @param spare started ahead of need: warm it up first, as nobody is waiting for it
   */
  W start(int slot, boolean spare) throws IOException;
}
