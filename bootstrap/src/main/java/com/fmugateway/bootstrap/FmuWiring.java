package com.fmugateway.bootstrap;

import com.fmugateway.domain.fmu.port.out.FmuCatalog;
import com.fmugateway.domain.fmu.port.out.FmuInspector;
import com.fmugateway.domain.fmu.port.out.FmuStore;
import com.fmugateway.domain.fmu.port.out.ModelLibrary;
import com.fmugateway.domain.fmu.service.FmuQueryService;
import com.fmugateway.domain.fmu.service.UploadFmuService;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FMU area: uploads, each account's catalog, and the built-in library. */
@Configuration(proxyBeanMethods = false)
class FmuWiring {

  @Bean
  UploadFmuService uploadFmuService(
      FmuStore store,
      FmuInspector inspector,
      FmuCatalog catalog,
      Clock clock,
      SimulationProperties limits,
      AuditLog audit) {
    return new UploadFmuService(
        store, inspector, catalog, clock, limits.maxUploadSize().toBytes(), audit);
  }

  @Bean
  FmuQueryService fmuQueryService(
      ModelLibrary library, FmuCatalog catalog, FmuStore store, FmuInspector inspector) {
    return new FmuQueryService(library, catalog, store, inspector);
  }
}
