package com.fmugateway.archfixture.domain.port.out;

import com.fmugateway.archfixture.domain.port.in.SomeUseCase;

/** Deliberate violation: an out-port that knows an in-port. */
public interface SomeStore {

  SomeUseCase caller();
}
