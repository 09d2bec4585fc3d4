package com.fmugateway.adapter.in.http;

import com.fmugateway.domain.account.service.AccountQueryService;
import com.fmugateway.domain.account.service.ApiKeyManagementService;
import com.fmugateway.domain.account.service.AuthenticateApiKeyService;
import com.fmugateway.domain.account.service.IssueApiKeyService;
import com.fmugateway.domain.account.service.PasswordAccountService;
import com.fmugateway.domain.account.service.RateLimitService;
import com.fmugateway.domain.analytics.service.AnalyticsService;
import com.fmugateway.domain.analytics.service.AuditQueryService;
import com.fmugateway.domain.billing.service.GetAccountService;
import com.fmugateway.domain.billing.service.PricingService;
import com.fmugateway.domain.checkout.port.in.HandleWebhookUseCase;
import com.fmugateway.domain.checkout.service.CheckoutService;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import com.fmugateway.domain.fmu.service.FmuQueryService;
import com.fmugateway.domain.fmu.service.UploadFmuService;
import com.fmugateway.domain.health.service.HealthService;
import com.fmugateway.domain.simulation.service.RunQueryService;
import com.fmugateway.domain.simulation.service.SimulateService;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The REST adapter alone, for slice tests: {@link HttpConfiguration} and the use cases it calls,
 * each the real domain service over the in-memory fakes of {@link InMemoryGateway}. No database, no
 * FMUs, no payment adapter, no portal; starts in about a second.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
@Import(HttpConfiguration.class)
public class HttpTestApplication {

  @Bean
  InMemoryGateway gateway() {
    return new InMemoryGateway();
  }

  @Bean
  com.fmugateway.domain.experiment.service.StartExperimentService startExperiment(
      InMemoryGateway gateway) {
    return gateway.startExperiment;
  }

  @Bean
  com.fmugateway.domain.experiment.service.ExperimentQueryService experimentQueries(
      InMemoryGateway gateway) {
    return gateway.experiments;
  }

  @Bean
  com.fmugateway.domain.experiment.service.CancelExperimentService cancelExperiment(
      InMemoryGateway gateway) {
    return gateway.cancelExperiment;
  }

  @Bean
  com.fmugateway.domain.experiment.service.CallbackService callbacks(InMemoryGateway gateway) {
    return gateway.callbacks;
  }

  @Bean
  com.fmugateway.domain.experiment.service.CaseOperationsService caseOperations(
      InMemoryGateway gateway) {
    return gateway.caseOperations;
  }

  @Bean
  IssueApiKeyService issueApiKeyService(InMemoryGateway gateway) {
    return gateway.issueApiKey;
  }

  @Bean
  ApiKeyManagementService apiKeyManagementService(InMemoryGateway gateway) {
    return gateway.apiKeys;
  }

  @Bean
  AuthenticateApiKeyService authenticateApiKeyService(InMemoryGateway gateway) {
    return gateway.authenticate;
  }

  @Bean
  PasswordAccountService passwordAccountService(InMemoryGateway gateway) {
    return gateway.passwords;
  }

  @Bean
  AccountQueryService accountQueryService(InMemoryGateway gateway) {
    return gateway.accountQuery;
  }

  @Bean
  RateLimitService rateLimitService(InMemoryGateway gateway) {
    return gateway.rateLimits;
  }

  @Bean
  GetAccountService getAccountService(InMemoryGateway gateway) {
    return gateway.accountSummary;
  }

  @Bean
  CheckoutService checkoutService(InMemoryGateway gateway) {
    return gateway.checkouts;
  }

  @Bean
  HandleWebhookUseCase handleWebhookUseCase(InMemoryGateway gateway) {
    return gateway.payments.webhooks;
  }

  @Bean
  FmuQueryService fmuQueryService(InMemoryGateway gateway) {
    return gateway.fmus;
  }

  @Bean
  UploadFmuService uploadFmuService(InMemoryGateway gateway) {
    return gateway.uploads;
  }

  @Bean
  SimulateService simulateService(InMemoryGateway gateway) {
    return gateway.simulate;
  }

  @Bean
  RunQueryService runQueryService(InMemoryGateway gateway) {
    return gateway.runs;
  }

  @Bean
  AnalyticsService analyticsService(InMemoryGateway gateway) {
    return gateway.analytics;
  }

  @Bean
  AuditQueryService auditQueryService(InMemoryGateway gateway) {
    return gateway.auditLog;
  }

  @Bean
  PricingService pricingService(InMemoryGateway gateway) {
    return gateway.pricing;
  }

  @Bean
  HealthService healthService(InMemoryGateway gateway) {
    return gateway.health;
  }
}
