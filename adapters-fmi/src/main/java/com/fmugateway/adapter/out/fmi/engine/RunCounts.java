package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SolverStatistics;
import java.util.Optional;

/**
 * The work a master did: integrator or co-simulation steps, handled events, and for model exchange
 * the solver's statistics.
 */
record RunCounts(long steps, long events, Optional<SolverStatistics> statistics) {

  RunCounts(long steps, long events) {
    this(steps, events, Optional.empty());
  }
}
