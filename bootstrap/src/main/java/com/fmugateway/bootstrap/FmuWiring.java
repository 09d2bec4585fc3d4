package com.fmugateway.bootstrap;

import com.fmugateway.domain.fmu.model.InspectionCache;
import com.fmugateway.domain.fmu.port.out.FmuCatalog;
import com.fmugateway.domain.fmu.port.out.FmuInspector;
import com.fmugateway.domain.fmu.port.out.FmuStore;
import com.fmugateway.domain.fmu.port.out.ModelLibrary;
import com.fmugateway.domain.fmu.port.out.RunPreparation;
import com.fmugateway.domain.fmu.service.FmuQueryService;
import com.fmugateway.domain.fmu.service.UploadFmuService;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FMU area: uploads, each account's catalog, and the built-in library. */
@Configuration(proxyBeanMethods = false)
class FmuWiring {

  private static final int INSPECTIONS_KEPT = 256;

  /** Descriptions kept for runs, all together; one FMU may declare 50,000 variables. */
  private static final long INSPECTED_BYTES_KEPT = 64L << 20;

  @Bean
  UploadFmuService uploadFmuService(
      FmuStore store,
      FmuInspector inspector,
      FmuCatalog catalog,
      Clock clock,
      SimulationProperties limits,
      AuditLog audit,
      ObjectProvider<RunPreparation> preparation,
      InspectionCache inspections) {
    return new UploadFmuService(
        store,
        inspector,
        catalog,
        clock,
        limits.maxUploadSize().toBytes(),
        audit,
        preparation.getIfUnique(RunPreparation::none),
        inspections);
  }

  @Bean
  FmuQueryService fmuQueryService(
      ModelLibrary library,
      FmuCatalog catalog,
      FmuStore store,
      FmuInspector inspector,
      InspectionCache inspections) {
    return new FmuQueryService(library, catalog, store, inspector, inspections);
  }

  /** What uploads' archives hold, for their runs, bounded by count and by memory. */
  @Bean
  InspectionCache inspectionCache() {
    return new InspectionCache(INSPECTIONS_KEPT, INSPECTED_BYTES_KEPT);
  }
}
