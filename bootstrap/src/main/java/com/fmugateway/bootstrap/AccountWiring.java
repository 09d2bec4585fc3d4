package com.fmugateway.bootstrap;

import com.fmugateway.bootstrap.timing.Phase;
import com.fmugateway.bootstrap.timing.PhaseTimers;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.port.in.AuthenticateApiKeyQuery;
import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
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
import java.util.Map;
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
  AuthenticateApiKeyQuery authenticateApiKeyService(
      ApiKeyStore keys,
      AccountStore accounts,
      ApiKeyHasher hasher,
      Clock clock,
      PhaseTimers timers) {
    return timers.timed(
        AuthenticateApiKeyQuery.class,
        new AuthenticateApiKeyService(keys, accounts, hasher, clock),
        Map.of("authenticate", Phase.AUTHENTICATION));
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
  EnforceRateLimitUseCase rateLimitService(
      RateLimiter limiter, BillingProperties billing, PhaseTimers timers) {
    return timers.timed(
        EnforceRateLimitUseCase.class,
        new RateLimitService(
            billing.policies(), limiter, billing.anonymousPerMinute(), billing.rateWindow()),
        Map.of("run", Phase.RATE_LIMIT));
  }
}
