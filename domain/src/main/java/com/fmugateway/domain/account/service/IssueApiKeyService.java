package com.fmugateway.domain.account.service;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.ApiKeySecret;
import com.fmugateway.domain.account.model.IssuedApiKey;
import com.fmugateway.domain.account.model.KeyLimits;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.port.in.IssueApiKeyCommand;
import com.fmugateway.domain.account.port.in.IssueApiKeyUseCase;
import com.fmugateway.domain.account.port.out.AccountStore;
import com.fmugateway.domain.account.port.out.ApiKeyStore;
import com.fmugateway.domain.account.port.out.RateLimiter;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.model.LimitReachedException;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Issues keys: a new anonymous account with its first key, or another key of an account, within the
 * account's {@link KeyLimits} (keys held, keys created per window).
 */
public final class IssueApiKeyService implements IssueApiKeyUseCase {

  private final AccountStore accounts;
  private final ApiKeyStore keys;
  private final ApiKeyHasher hasher;
  private final Clock clock;
  private final AuditLog audit;
  private final KeyLimits limits;
  private final RateLimiter limiter;

  public IssueApiKeyService(
      AccountStore accounts,
      ApiKeyStore keys,
      ApiKeyHasher hasher,
      Clock clock,
      AuditLog audit,
      KeyLimits limits,
      RateLimiter limiter) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public Mono<IssuedApiKey> issue(IssueApiKeyCommand command) {
    Objects.requireNonNull(command, "command");
    return Mono.defer(
        () -> command.forAccount().map(this::additionalKey).orElseGet(this::newAccount));
  }

  private Mono<IssuedApiKey> newAccount() {
    Instant now = clock.now();
    Account account = new Account(AccountId.random(), now);
    ApiKeySecret secret = ApiKeySecret.generate();
    ApiKey key = ApiKey.issue(account.id(), secret, hasher, now);
    return accounts
        .createWithKey(account, key)
        .then(
            audit.record(
                AuditEvent.by(account.id(), now, "account.created", account.id().toString())))
        .then(keyCreated(key))
        .thenReturn(new IssuedApiKey(key, secret));
  }

  private Mono<IssuedApiKey> additionalKey(AccountId owner) {
    return accounts
        .findById(owner)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("no such account")))
        .flatMap(
            account ->
                limiter.tryAcquire(
                    "keys:account:" + owner, limits.creationsPerWindow(), limits.window()))
        .flatMap(
            decision -> {
              if (!decision.allowed()) {
                return Mono.error(tooManyCreations(decision));
              }
              ApiKeySecret secret = ApiKeySecret.generate();
              ApiKey key = ApiKey.issue(owner, secret, hasher, clock.now());
              return keys.addWithin(key, limits.maxActive())
                  .flatMap(
                      added ->
                          added
                              ? keyCreated(key).thenReturn(new IssuedApiKey(key, secret))
                              : Mono.error(tooManyKeys()));
            });
  }

  private LimitReachedException tooManyKeys() {
    return new LimitReachedException(
        "active_api_keys",
        limits.maxActive(),
        Optional.empty(),
        "an account may hold at most "
            + limits.maxActive()
            + " active API keys; revoke one it no longer uses, then create the new one");
  }

  private LimitReachedException tooManyCreations(RateDecision decision) {
    return new LimitReachedException(
        "api_key_creations",
        decision.limit(),
        Optional.of(decision.retryAfter()),
        "an account may create at most "
            + decision.limit()
            + " API keys per "
            + window()
            + "; try again later");
  }

  private String window() {
    return limits.window().equals(Duration.ofHours(1))
        ? "hour"
        : limits.window().toMinutes() + " minutes";
  }

  private Mono<Void> keyCreated(ApiKey key) {
    return audit.record(
        AuditEvent.by(key.accountId(), key.createdAt(), "key.created", key.id().toString())
            .with("prefix", key.displayPrefix()));
  }
}
