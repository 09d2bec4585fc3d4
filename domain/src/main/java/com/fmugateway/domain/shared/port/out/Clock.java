package com.fmugateway.domain.shared.port.out;

import java.time.Instant;

/** Role: tells the current time, so services can be tested at any instant. */
@FunctionalInterface
public interface Clock {

  Instant now();
}
