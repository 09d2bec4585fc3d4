package com.fmugateway.domain.model.simulation;

import com.fmugateway.domain.model.fmu.FmuInterface;
import com.fmugateway.domain.model.fmu.Sha256;
import java.time.Duration;
import java.util.Optional;

/** How a result was made, so it can be reproduced: which bytes, which method, which gateway. */
public record Provenance(
    Sha256 fmuSha256,
    String fmiVersion,
    FmuInterface fmuInterface,
    Optional<Solver> solver,
    String gatewayVersion,
    Duration wallTime,
    Duration cpuTime,
    long steps,
    long events) {}
