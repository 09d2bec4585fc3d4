package com.fmugateway.archfixture.domain.thing.model;

import com.fmugateway.archfixture.bootstrap.Wiring;

/** Deliberate violation: something depends on bootstrap. */
public class KnowsBootstrap {

  public Wiring wiring() {
    return new Wiring();
  }
}
