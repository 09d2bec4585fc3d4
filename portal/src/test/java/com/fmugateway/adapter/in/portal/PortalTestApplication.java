package com.fmugateway.adapter.in.portal;

import com.fmugateway.domain.account.service.AccountQueryService;
import com.fmugateway.domain.account.service.ApiKeyManagementService;
import com.fmugateway.domain.account.service.IssueApiKeyService;
import com.fmugateway.domain.account.service.PasswordAccountService;
import com.fmugateway.domain.account.service.RateLimitService;
import com.fmugateway.domain.analytics.service.AnalyticsService;
import com.fmugateway.domain.billing.service.GetAccountService;
import com.fmugateway.domain.billing.service.PricingService;
import com.fmugateway.domain.checkout.service.CheckoutService;
import com.fmugateway.domain.experiment.service.CancelExperimentService;
import com.fmugateway.domain.experiment.service.CaseOperationsService;
import com.fmugateway.domain.experiment.service.ExperimentQueryService;
import com.fmugateway.domain.experiment.service.StartExperimentService;
import com.fmugateway.domain.fixtures.InMemoryGateway;
import com.fmugateway.domain.fmu.service.FmuQueryService;
import com.fmugateway.domain.fmu.service.UploadFmuService;
import com.fmugateway.domain.simulation.service.RunQueryService;
import com.fmugateway.domain.simulation.service.SimulateService;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The portal alone, for slice tests: {@link PortalConfiguration} (pages, templates, security) and
 * the use cases its pages call, each the real domain service over the in-memory fakes of {@link
 * InMemoryGateway}. No database, no FMUs, no API adapter; starts in about a second.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
@Import(PortalConfiguration.class)
public class PortalTestApplication {

  @Bean
  InMemoryGateway gateway() {
    return new InMemoryGateway();
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
  IssueApiKeyService issueApiKeyService(InMemoryGateway gateway) {
    return gateway.issueApiKey;
  }

  @Bean
  ApiKeyManagementService apiKeyManagementService(InMemoryGateway gateway) {
    return gateway.apiKeys;
  }

  @Bean
  GetAccountService getAccountService(InMemoryGateway gateway) {
    return gateway.accountSummary;
  }

  @Bean
  PricingService pricingService(InMemoryGateway gateway) {
    return gateway.pricing;
  }

  @Bean
  CheckoutService checkoutService(InMemoryGateway gateway) {
    return gateway.checkouts;
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
  StartExperimentService startExperimentService(InMemoryGateway gateway) {
    return gateway.startExperiment;
  }

  @Bean
  ExperimentQueryService experimentQueryService(InMemoryGateway gateway) {
    return gateway.experiments;
  }

  @Bean
  CancelExperimentService cancelExperimentService(InMemoryGateway gateway) {
    return gateway.cancelExperiment;
  }

  @Bean
  CaseOperationsService caseOperationsService(InMemoryGateway gateway) {
    return gateway.caseOperations;
  }
}
