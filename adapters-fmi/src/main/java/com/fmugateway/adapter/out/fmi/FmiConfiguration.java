package com.fmugateway.adapter.out.fmi;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.adapter.out.fmi.engine.InProcessSimulator;
import com.fmugateway.adapter.out.fmi.engine.SimulationEngine;
import com.fmugateway.adapter.out.fmi.library.BuiltInModelLibrary;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FMI adapter: archive inspection, the built-in model library and the simulator. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FmiProperties.class)
public class FmiConfiguration {

  @Bean
  public FmuArchiveInspector fmuInspector() {
    return new FmuArchiveInspector();
  }

  @Bean
  public BuiltInModelLibrary modelLibrary(FmiProperties properties) {
    return new BuiltInModelLibrary(properties.libraryDir());
  }

  @Bean(destroyMethod = "close")
  public InProcessSimulator simulator(FmiProperties properties) {
    return new InProcessSimulator(
        new SimulationEngine(), properties.effectiveConcurrentRuns(), properties.maxQueuedRuns());
  }
}
