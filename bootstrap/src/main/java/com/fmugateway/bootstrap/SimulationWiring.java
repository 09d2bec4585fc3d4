package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.fmi.FmiProperties;
import com.fmugateway.bootstrap.timing.Phase;
import com.fmugateway.bootstrap.timing.PhaseTimers;
import com.fmugateway.domain.billing.port.in.PayForRunUseCase;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.port.in.SimulateUseCase;
import com.fmugateway.domain.simulation.port.in.StreamSimulationUseCase;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import com.fmugateway.domain.simulation.port.out.RunHistory;
import com.fmugateway.domain.simulation.port.out.SettledRuns;
import com.fmugateway.domain.simulation.port.out.Simulator;
import com.fmugateway.domain.simulation.service.RunQueryService;
import com.fmugateway.domain.simulation.service.SimulateService;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulation area: running FMUs, paid through billing, and each account's run history. */
@Configuration(proxyBeanMethods = false)
class SimulationWiring {

  /** The one service behind both simulate use cases, buffered and streamed. */
  record SimulationServices(SimulateService service) {}

  @Bean
  SimulationServices simulationServices(
      GetFmuQuery fmus,
      Simulator simulator,
      SimulationProperties limits,
      PayForRunUseCase billing,
      RunHistory runs,
      SettledRuns settledRuns,
      Clock clock,
      ConcurrentRuns concurrentRuns,
      FmiProperties workers,
      @Value("${fmugw.version}") String version,
      Transactions transactions,
      PhaseTimers timers) {
    return new SimulationServices(
        new SimulateService(
            timers.timed(GetFmuQuery.class, fmus, Map.of("fmu", Phase.FMU_LOOKUP)),
            timers.timed(
                Simulator.class,
                simulator,
                Map.of("simulate", Phase.WORKER_ROUND_TRIP, "stream", Phase.WORKER_ROUND_TRIP)),
            new SimulationSettings(limits.timeout(), limits.maxOutputSamples(), version),
            timers.timed(
                PayForRunUseCase.class,
                billing,
                Map.of(
                    "secure", Phase.QUOTE_HOLD,
                    "settle", Phase.SETTLE_RECORD,
                    "release", Phase.SETTLE_RECORD)),
            timers.timed(RunHistory.class, runs, Map.of("record", Phase.SETTLE_RECORD)),
            timers.timed(
                SettledRuns.class, settledRuns, Map.of("settleAndRecord", Phase.SETTLE_RECORD)),
            clock,
            timers.timed(
                ConcurrentRuns.class,
                concurrentRuns,
                Map.of("tryStart", Phase.RUN_SLOT, "finish", Phase.RUN_SLOT)),
            limits.concurrencyLimits(workers.effectiveConcurrentRuns()),
            transactions));
  }

  /** Only the buffered port: the service itself is a {@code StreamSimulationUseCase} too. */
  @Bean
  SimulateUseCase simulateService(SimulationServices services, PhaseTimers timers) {
    SimulateUseCase buffered = services.service()::simulate;
    return timers.useCase(SimulateUseCase.class, buffered);
  }

  /** Only the streaming port: the service itself must not be a second {@code SimulateUseCase}. */
  @Bean
  StreamSimulationUseCase streamSimulation(SimulationServices services, PhaseTimers timers) {
    StreamSimulationUseCase streamed = services.service()::stream;
    return timers.useCase(StreamSimulationUseCase.class, streamed);
  }

  @Bean
  RunQueryService runQueryService(RunHistory runs) {
    return new RunQueryService(runs);
  }
}
