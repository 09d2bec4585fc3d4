package com.fmugateway.bootstrap;

import com.fmugateway.adapter.out.fmi.FmiProperties;
import com.fmugateway.adapter.out.persistence.experiment.DbSchedulerCaseWorker;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.port.in.FindAccountQuery;
import com.fmugateway.domain.billing.port.in.PayForExperimentUseCase;
import com.fmugateway.domain.billing.port.in.PayForRunUseCase;
import com.fmugateway.domain.experiment.model.CallbackSignature;
import com.fmugateway.domain.experiment.port.in.DeliverCallbackUseCase;
import com.fmugateway.domain.experiment.port.in.RunCaseUseCase;
import com.fmugateway.domain.experiment.port.out.CallbackQueue;
import com.fmugateway.domain.experiment.port.out.CallbackSender;
import com.fmugateway.domain.experiment.port.out.CaseQueue;
import com.fmugateway.domain.experiment.port.out.CaseResults;
import com.fmugateway.domain.experiment.port.out.ExperimentStore;
import com.fmugateway.domain.experiment.service.CallbackService;
import com.fmugateway.domain.experiment.service.CancelExperimentService;
import com.fmugateway.domain.experiment.service.CaseOperationsService;
import com.fmugateway.domain.experiment.service.ExperimentQueryService;
import com.fmugateway.domain.experiment.service.RunCaseService;
import com.fmugateway.domain.experiment.service.StartExperimentService;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.health.port.in.GetHealthQuery;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.port.out.Simulator;
import com.fmugateway.domain.simulation.service.SimulationExecutionService;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The experiment area: starting, reading and cancelling experiments on every node; running their
 * cases (a db-scheduler worker) on nodes whose role takes cases ({@code all}, {@code worker}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExperimentProperties.class)
class ExperimentWiring {

  private static final Logger log = LoggerFactory.getLogger(ExperimentWiring.class);

  /** How often a running case checks whether it was cancelled. */
  private static final Duration CANCEL_CHECK = Duration.ofSeconds(1);

  @Bean
  SimulationExecutionService simulationExecution(
      GetFmuQuery fmus,
      Simulator simulator,
      SimulationProperties limits,
      @Value("${fmugw.version}") String version) {
    return new SimulationExecutionService(
        fmus,
        simulator,
        new SimulationSettings(limits.timeout(), limits.maxOutputSamples(), version));
  }

  @Bean
  StartExperimentService startExperimentService(
      SimulationExecutionService checks,
      PayForExperimentUseCase billing,
      PayForRunUseCase runs,
      ExperimentStore store,
      CaseQueue queue,
      ExperimentProperties properties,
      Clock clock) {
    return new StartExperimentService(
        checks, billing, runs, store, queue, properties.limits(), clock);
  }

  @Bean
  ExperimentQueryService experimentQueryService(ExperimentStore store, CaseResults results) {
    return new ExperimentQueryService(store, results);
  }

  @Bean
  CancelExperimentService cancelExperimentService(
      ExperimentStore store,
      CaseQueue queue,
      PayForRunUseCase billing,
      Clock clock,
      CallbackQueue callbacks) {
    return new CancelExperimentService(store, queue, billing, clock, callbacks);
  }

  @Bean
  RunCaseService runCaseService(
      ExperimentStore store,
      CaseResults results,
      SimulationExecutionService simulation,
      PayForRunUseCase billing,
      Clock clock,
      ExperimentProperties properties,
      CallbackQueue callbacks,
      FindAccountQuery accounts) {
    return new RunCaseService(
        store,
        results,
        simulation,
        billing,
        clock,
        properties.node(),
        CANCEL_CHECK,
        callbacks,
        accounts,
        properties.shares());
  }

  @Bean
  CaseOperationsService caseOperationsService(
      ExperimentStore store, GetHealthQuery health, Clock clock, ExperimentProperties properties) {
    return new CaseOperationsService(store, health, clock, properties.node());
  }

  /** Callbacks are signed with a secret per account derived from the server secret. */
  @Bean
  CallbackService callbackService(
      ExperimentStore store,
      CallbackSender sender,
      ApiKeyHasher hasher,
      Clock clock,
      PaymentProperties payments,
      Environment environment) {
    return new CallbackService(
        store,
        sender,
        new CallbackSignature(hasher),
        clock,
        new PublicAddress(payments.configuredPublicUrl(), environment));
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  @ConditionalOnExpression("'${fmugw.role:all}' != 'api'")
  DbSchedulerCaseWorker caseWorker(
      HikariDataSource jobDataSource,
      RunCaseUseCase cases,
      DeliverCallbackUseCase callbacks,
      ExperimentProperties properties,
      FmiProperties workers) {
    ExperimentProperties.Experiments tuning = properties.experiments();
    int threads = properties.threads(workers.effectiveConcurrentRuns());
    log.info(
        "Node {} ({}) takes experiment cases, {} at a time",
        properties.node(),
        properties.role(),
        threads);
    return new DbSchedulerCaseWorker(
        jobDataSource,
        cases,
        callbacks,
        properties.node(),
        new DbSchedulerCaseWorker.Settings(
            threads,
            tuning.pollingInterval(),
            tuning.heartbeat(),
            tuning.missedHeartbeats(),
            tuning.shareWait(),
            tuning.callbacks().attempts(),
            tuning.callbacks().firstRetry()));
  }
}
