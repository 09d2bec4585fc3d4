package com.fmugateway.archfixture.domain.thing.port.out;

import com.fmugateway.archfixture.domain.thing.port.in.SomeUseCase;

/** Deliberate violation: an out-port that knows an in-port. */
public interface SomeStore {

  SomeUseCase caller();
}
