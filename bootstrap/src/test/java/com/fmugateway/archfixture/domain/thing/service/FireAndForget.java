package com.fmugateway.archfixture.domain.thing.service;

import reactor.core.publisher.Mono;

/** Deliberate violation: work started with subscribe() that nobody waits for or hears fail. */
public class FireAndForget {
  public void release() {
    Mono.just(1).subscribe();
  }
}
