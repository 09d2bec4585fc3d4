package com.fmugateway.archfixture.adapter.out.fmi.sandbox.worker;

import com.fmugateway.archfixture.adapter.out.fmi.sandbox.host.SomeHost;
import com.fmugateway.archfixture.adapter.out.fmi.sandbox.pool.SomePool;

/** Deliberate violations: the worker reaches into the pool and the host that started it. */
public class WorkerThatKnowsTheGateway {

  public SomePool pool;
  public SomeHost host;
}
