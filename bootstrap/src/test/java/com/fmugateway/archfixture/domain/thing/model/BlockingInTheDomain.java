package com.fmugateway.archfixture.domain.thing.model;

import reactor.core.publisher.Mono;

/** Deliberate violation: blocking on a Mono. */
public class BlockingInTheDomain {

  public Integer answer() {
    return Mono.just(42).block();
  }
}
