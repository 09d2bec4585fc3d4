package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.fmi.FmiProperties;
import com.fmugateway.domain.billing.port.in.PayForRunUseCase;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.port.out.ConcurrentRuns;
import com.fmugateway.domain.simulation.port.out.RunHistory;
import com.fmugateway.domain.simulation.port.out.Simulator;
import com.fmugateway.domain.simulation.service.RunQueryService;
import com.fmugateway.domain.simulation.service.SimulateService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulation area: running FMUs, paid through billing, and each account's run history. */
@Configuration(proxyBeanMethods = false)
class SimulationWiring {

  @Bean
  SimulateService simulateService(
      GetFmuQuery fmus,
      Simulator simulator,
      SimulationProperties limits,
      PayForRunUseCase billing,
      RunHistory runs,
      Clock clock,
      ConcurrentRuns concurrentRuns,
      FmiProperties workers,
      @Value("${fmugw.version}") String version) {
    return new SimulateService(
        fmus,
        simulator,
        new SimulationSettings(limits.timeout(), limits.maxOutputSamples(), version),
        billing,
        runs,
        clock,
        concurrentRuns,
        limits.concurrencyLimits(workers.effectiveConcurrentRuns()));
  }

  @Bean
  RunQueryService runQueryService(RunHistory runs) {
    return new RunQueryService(runs);
  }
}
