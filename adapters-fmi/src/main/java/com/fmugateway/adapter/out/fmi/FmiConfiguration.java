package com.fmugateway.adapter.out.fmi;

import com.fmugateway.adapter.out.fmi.archive.ArchiveLimits;
import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.adapter.out.fmi.engine.InProcessSimulator;
import com.fmugateway.adapter.out.fmi.engine.SimulationEngine;
import com.fmugateway.adapter.out.fmi.library.BuiltInModelLibrary;
import com.fmugateway.adapter.out.fmi.sandbox.host.SandboxHealthProbe;
import com.fmugateway.adapter.out.fmi.sandbox.host.SandboxSettings;
import com.fmugateway.adapter.out.fmi.sandbox.host.SandboxedSimulator;
import com.fmugateway.domain.simulation.port.out.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FMI adapter: archive inspection, the built-in model library, and the simulator, which runs
 * every FMU in a confined worker process.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FmiProperties.class)
public class FmiConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FmiConfiguration.class);

  @Bean
  public FmuArchiveInspector fmuInspector(FmiProperties properties) {
    return new FmuArchiveInspector(
        ArchiveLimits.defaults()
            .withDescription(properties.maxDescriptionSize().toBytes(), properties.maxVariables()));
  }

  @Bean
  public BuiltInModelLibrary modelLibrary(FmiProperties properties) {
    return new BuiltInModelLibrary(properties.libraryDir());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(
      name = "fmugw.fmi.isolation",
      havingValue = "sandbox",
      matchIfMissing = true)
  public SandboxedSimulator simulator(FmiProperties properties) {
    return new SandboxedSimulator(
        SandboxSettings.defaults(properties.sandboxDir().toAbsolutePath().normalize()).toBuilder()
            .workers(properties.effectiveConcurrentRuns(), properties.maxQueuedRuns())
            .spareWorkers(Math.min(properties.spareWorkers(), properties.effectiveConcurrentRuns()))
            .requireBubblewrap(properties.requireBubblewrap())
            .maxResultBytes(properties.maxResultSize().toBytes())
            .build());
  }

  @Bean
  @ConditionalOnProperty(
      name = "fmugw.fmi.isolation",
      havingValue = "sandbox",
      matchIfMissing = true)
  public SandboxHealthProbe sandboxHealthProbe(SandboxedSimulator simulator) {
    return new SandboxHealthProbe(simulator);
  }

  /** Benchmarks only: FMUs in the gateway's own process, where a crash takes it down. */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "fmugw.fmi.isolation", havingValue = "in-process")
  public Simulator inProcessSimulator(FmiProperties properties) {
    log.warn(
        "fmugw.fmi.isolation=in-process: FMUs run INSIDE the gateway with no isolation. Use it to"
            + " measure the sandbox's overhead, never to serve customers.");
    return new InProcessSimulator(
        new SimulationEngine(), properties.effectiveConcurrentRuns(), properties.maxQueuedRuns());
  }
}
