package com.fmugateway.archfixture.domain.other.service;

import com.fmugateway.archfixture.domain.other.port.in.OtherUseCase;
import com.fmugateway.archfixture.domain.thing.port.out.SomeStore;

/** Deliberate violation: one area reaching into another area's out-port. */
public class NosyService implements OtherUseCase {
  public SomeStore store;

  @Override
  public void act() {}
}
