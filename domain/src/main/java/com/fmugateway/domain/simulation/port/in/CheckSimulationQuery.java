package com.fmugateway.domain.simulation.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Query: would these runs be accepted? Checks {@code base} with each of {@code variants} merged
 * into its start values against the model's description, without running or charging anything, and
 * answers the wall-clock limit each run would have (which sets its quote). A variant that fails is
 * reported as an {@link com.fmugateway.domain.shared.model.InvalidInputException} whose field
 * starts with {@code variants[i].}.
 */
public interface CheckSimulationQuery {

  Mono<Duration> check(SimulateCommand base, List<Map<String, Object>> variants);
}
