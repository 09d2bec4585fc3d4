package com.fmugateway.archfixture.adapter.out.fmi.sandbox.wire;

import com.fmugateway.archfixture.adapter.out.fmi.sandbox.host.SomeHost;
import com.fmugateway.archfixture.adapter.out.fmi.sandbox.pool.SomePool;
import com.fmugateway.archfixture.adapter.out.fmi.sandbox.worker.WorkerThatKnowsTheGateway;

/** Deliberate violations: the protocol both sides share depends on host, pool and worker. */
public class WireThatTakesSides {

  public SomeHost host;
  public SomePool pool;
  public WorkerThatKnowsTheGateway worker;
}
