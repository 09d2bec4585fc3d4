package com.fmugateway.adapter.out.fmi.sandbox.pool;

/** No worker slot came free in time; the run fails as overloaded. */
public final class SlotTimeoutException extends Exception {

  SlotTimeoutException(long seconds) {
    super("no worker slot came free within " + seconds + " s");
  }
}
