package com.fmugateway.bootstrap;

import com.fmugateway.domain.model.account.ApiKeyHasher;
import com.fmugateway.domain.port.out.AccountStore;
import com.fmugateway.domain.port.out.ApiKeyStore;
import com.fmugateway.domain.port.out.Clock;
import com.fmugateway.domain.port.out.HealthProbe;
import com.fmugateway.domain.service.AuthenticateApiKeyService;
import com.fmugateway.domain.service.GetAccountService;
import com.fmugateway.domain.service.HealthService;
import com.fmugateway.domain.service.IssueApiKeyService;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the domain services from the out-ports the adapters provide; no scanning of the core. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
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
  IssueApiKeyService issueApiKeyService(AccountStore accounts, ApiKeyHasher hasher, Clock clock) {
    return new IssueApiKeyService(accounts, hasher, clock);
  }

  @Bean
  AuthenticateApiKeyService authenticateApiKeyService(
      ApiKeyStore keys, ApiKeyHasher hasher, Clock clock) {
    return new AuthenticateApiKeyService(keys, hasher, clock);
  }

  @Bean
  GetAccountService getAccountService(AccountStore accounts) {
    return new GetAccountService(accounts);
  }

  @Bean
  HealthService healthService(List<HealthProbe> probes) {
    return new HealthService(probes);
  }
}
