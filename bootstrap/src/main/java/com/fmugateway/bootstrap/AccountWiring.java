package com.fmugateway.bootstrap;

import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.port.out.AccountStore;
import com.fmugateway.domain.account.port.out.ApiKeyStore;
import com.fmugateway.domain.account.port.out.FailedLogIns;
import com.fmugateway.domain.account.port.out.PasswordHasher;
import com.fmugateway.domain.account.port.out.RateLimiter;
import com.fmugateway.domain.account.service.AccountQueryService;
import com.fmugateway.domain.account.service.ApiKeyManagementService;
import com.fmugateway.domain.account.service.AuthenticateApiKeyService;
import com.fmugateway.domain.account.service.IssueApiKeyService;
import com.fmugateway.domain.account.service.PasswordAccountService;
import com.fmugateway.domain.account.service.RateLimitService;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account area: keys, passwords, who is calling, and how often they may. */
@Configuration(proxyBeanMethods = false)
class AccountWiring {

  @Bean
  IssueApiKeyService issueApiKeyService(
      AccountStore accounts,
      ApiKeyStore keys,
      ApiKeyHasher hasher,
      Clock clock,
      AuditLog audit,
      KeyProperties limits,
      RateLimiter limiter) {
    return new IssueApiKeyService(accounts, keys, hasher, clock, audit, limits.limits(), limiter);
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
  AccountQueryService accountQueryService(AccountStore accounts) {
    return new AccountQueryService(accounts);
  }

  @Bean
  PasswordAccountService passwordAccountService(
      AccountStore accounts,
      ApiKeyStore keys,
      PasswordHasher passwords,
      ApiKeyHasher keyHasher,
      Clock clock,
      AuditLog audit,
      FailedLogIns failedLogIns,
      LogInProperties logIn) {
    return new PasswordAccountService(
        accounts, keys, passwords, keyHasher, clock, audit, failedLogIns, logIn.limits());
  }

  @Bean
  RateLimitService rateLimitService(RateLimiter limiter, BillingProperties billing) {
    return new RateLimitService(
        billing.policies(), limiter, billing.anonymousPerMinute(), billing.rateWindow());
  }
}
