package com.fmugateway.domain.simulation.model;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.Sha256;
import java.time.Duration;
import java.util.Optional;

/**
 * How a result was made, so it can be reproduced: which bytes, which method, which gateway; and the
 * model exchange solver's work ({@code solverStatistics}).
 */
public record Provenance(
    Sha256 fmuSha256,
    String fmiVersion,
    FmuInterface fmuInterface,
    Optional<Solver> solver,
    String gatewayVersion,
    Duration wallTime,
    Duration cpuTime,
    long steps,
    long events,
    Optional<SolverStatistics> solverStatistics) {}
