package com.fmugateway.archfixture.domain.other.port.in;

/** Fixture: the in-port of another business area. */
public interface OtherUseCase {
  void act();
}
