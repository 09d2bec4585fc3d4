package com.fmugateway.domain.shared.port.out;

import reactor.core.publisher.Mono;

/**
 * Role: runs work atomically: every write it makes through the stores happens, or none does (the
 * error that aborted it is passed on).
 */
public interface Transactions {

  <T> Mono<T> atomically(Mono<T> work);
}
