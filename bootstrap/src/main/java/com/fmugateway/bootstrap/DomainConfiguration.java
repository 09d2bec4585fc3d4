package com.fmugateway.bootstrap;

import com.fmugateway.domain.model.account.ApiKeyHasher;
import com.fmugateway.domain.model.payment.PaymentTerms;
import com.fmugateway.domain.model.simulation.SimulationSettings;
import com.fmugateway.domain.port.out.AccountStore;
import com.fmugateway.domain.port.out.AnalyticsReadModel;
import com.fmugateway.domain.port.out.ApiKeyStore;
import com.fmugateway.domain.port.out.AuditLog;
import com.fmugateway.domain.port.out.Clock;
import com.fmugateway.domain.port.out.CreditLedger;
import com.fmugateway.domain.port.out.FmuCatalog;
import com.fmugateway.domain.port.out.FmuInspector;
import com.fmugateway.domain.port.out.FmuStore;
import com.fmugateway.domain.port.out.HealthProbe;
import com.fmugateway.domain.port.out.ModelLibrary;
import com.fmugateway.domain.port.out.PasswordHasher;
import com.fmugateway.domain.port.out.RateLimiter;
import com.fmugateway.domain.port.out.RunHistory;
import com.fmugateway.domain.port.out.Simulator;
import com.fmugateway.domain.service.AnalyticsService;
import com.fmugateway.domain.service.ApiKeyManagementService;
import com.fmugateway.domain.service.AuditQueryService;
import com.fmugateway.domain.service.AuthenticateApiKeyService;
import com.fmugateway.domain.service.FmuQueryService;
import com.fmugateway.domain.service.GetAccountService;
import com.fmugateway.domain.service.HealthService;
import com.fmugateway.domain.service.IssueApiKeyService;
import com.fmugateway.domain.service.MonthlyGrants;
import com.fmugateway.domain.service.PasswordAccountService;
import com.fmugateway.domain.service.RateLimitService;
import com.fmugateway.domain.service.RunMetering;
import com.fmugateway.domain.service.RunPayments;
import com.fmugateway.domain.service.RunQueryService;
import com.fmugateway.domain.service.SimulateService;
import com.fmugateway.domain.service.UploadFmuService;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the domain services from the out-ports the adapters provide; no scanning of the core. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  GatewayProperties.class,
  SimulationProperties.class,
  BillingProperties.class
})
class DomainConfiguration {

  @Bean
  Clock clock() {
    return Instant::now;
  }

  @Bean
  ApiKeyHasher apiKeyHasher(GatewayProperties properties) {
    return new ApiKeyHasher(ServerSecret.load(properties));
  }

  @Bean
  IssueApiKeyService issueApiKeyService(
      AccountStore accounts, ApiKeyStore keys, ApiKeyHasher hasher, Clock clock, AuditLog audit) {
    return new IssueApiKeyService(accounts, keys, hasher, clock, audit);
  }

  @Bean
  ApiKeyManagementService apiKeyManagementService(ApiKeyStore keys, Clock clock, AuditLog audit) {
    return new ApiKeyManagementService(keys, clock, audit);
  }

  @Bean
  AuthenticateApiKeyService authenticateApiKeyService(
      ApiKeyStore keys, AccountStore accounts, ApiKeyHasher hasher, Clock clock) {
    return new AuthenticateApiKeyService(keys, accounts, hasher, clock);
  }

  @Bean
  GetAccountService getAccountService(
      AccountStore accounts, CreditLedger ledger, RunHistory runs, MonthlyGrants grants) {
    return new GetAccountService(accounts, ledger, runs, grants);
  }

  @Bean
  MonthlyGrants monthlyGrants(
      CreditLedger ledger, BillingProperties billing, Clock clock, AuditLog audit) {
    return new MonthlyGrants(ledger, billing.policies(), clock, audit);
  }

  @Bean
  RateLimitService rateLimitService(
      AccountStore accounts, MonthlyGrants grants, RateLimiter limiter, BillingProperties billing) {
    return new RateLimitService(
        accounts, grants, limiter, billing.anonymousPerMinute(), billing.rateWindow());
  }

  @Bean
  RunMetering runMetering(
      AccountStore accounts,
      CreditLedger ledger,
      RunHistory runs,
      MonthlyGrants grants,
      BillingProperties billing) {
    return new RunMetering(accounts, ledger, runs, grants, billing.priceList());
  }

  @Bean
  PasswordAccountService passwordAccountService(
      AccountStore accounts,
      ApiKeyStore keys,
      PasswordHasher passwords,
      ApiKeyHasher keyHasher,
      Clock clock,
      AuditLog audit) {
    return new PasswordAccountService(accounts, keys, passwords, keyHasher, clock, audit);
  }

  @Bean
  RunQueryService runQueryService(RunHistory runs) {
    return new RunQueryService(runs);
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

  @Bean
  HealthService healthService(List<HealthProbe> probes) {
    return new HealthService(probes);
  }

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

  @Bean
  SimulateService simulateService(
      FmuQueryService fmus,
      Simulator simulator,
      SimulationProperties limits,
      RunPayments payments,
      Clock clock,
      @Value("${fmugw.version}") String version) {
    return new SimulateService(
        fmus,
        simulator,
        new SimulationSettings(limits.timeout(), limits.maxOutputSamples(), version),
        payments,
        clock);
  }
}
