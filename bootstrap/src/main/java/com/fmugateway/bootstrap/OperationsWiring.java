package com.fmugateway.bootstrap;

import com.fmugateway.domain.analytics.port.out.AnalyticsReadModel;
import com.fmugateway.domain.analytics.service.AnalyticsService;
import com.fmugateway.domain.analytics.service.AuditQueryService;
import com.fmugateway.domain.checkout.model.PaymentTerms;
import com.fmugateway.domain.health.port.out.HealthProbe;
import com.fmugateway.domain.health.service.HealthService;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The areas operators look at: health, analytics and the audit log. */
@Configuration(proxyBeanMethods = false)
class OperationsWiring {

  @Bean
  HealthService healthService(List<HealthProbe> probes) {
    return new HealthService(probes);
  }

  @Bean
  AuditQueryService auditQueryService(AuditLog audit) {
    return new AuditQueryService(audit);
  }

  /** Cash is reported per currency; the one prices are set in always has a column. */
  @Bean
  AnalyticsService analyticsService(AnalyticsReadModel figures, Clock clock, PaymentTerms terms) {
    return new AnalyticsService(figures, clock, terms.runPrice().currency());
  }
}
