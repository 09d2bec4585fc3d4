package com.fmugateway.domain.simulation.port.out;

import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.simulation.model.ResultLayout;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Role: executes an FMU. Fails with {@link
 * com.fmugateway.domain.simulation.model.SimulationFailedException} when the run produces no
 * result, whatever the reason (model error, timeout, crash, limits, overload).
 */
public interface Simulator {

  /** Samples a chunk holds when a simulator has no better measure. */
  int CHUNK_SAMPLES = 4096;

  Mono<SimulationResult> simulate(SimulationJob job);

  /**
   * The run's result in parts, in {@code layout}, as they come: chunks of samples, then its end; an
   * error (a {@code SimulationFailedException}) may follow chunks. Demand bounds what is held: a
   * simulator that streams never holds more than a few chunks for a slow subscriber. By default the
   * whole result is made first, then cut up.
   */
  default Flux<ResultPart> stream(SimulationJob job, ResultLayout layout) {
    Set<String> arrays =
        job.plan().outputs().stream()
            .filter(ModelVariable::isArray)
            .map(ModelVariable::name)
            .collect(Collectors.toSet());
    return simulate(job)
        .flatMapIterable(result -> ResultPart.split(result, layout, arrays, CHUNK_SAMPLES));
  }
}
