package com.fmugateway.archfixture.domain.thing.port.in;

import com.fmugateway.archfixture.domain.thing.port.out.SomeStore;

/** Deliberate violation: an in-port that knows an out-port. */
public interface SomeUseCase {

  SomeStore store();
}
