package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.Account;
import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.ApiKey;
import com.fmugateway.domain.model.account.ApiKeyHasher;
import com.fmugateway.domain.model.account.ApiKeySecret;
import com.fmugateway.domain.model.account.IssuedApiKey;
import com.fmugateway.domain.port.in.IssueApiKeyCommand;
import com.fmugateway.domain.port.in.IssueApiKeyUseCase;
import com.fmugateway.domain.port.out.AccountStore;
import com.fmugateway.domain.port.out.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Opens an anonymous account with one key; the key's plaintext leaves only in the result. */
public final class IssueApiKeyService implements IssueApiKeyUseCase {

  private final AccountStore accounts;
  private final ApiKeyHasher hasher;
  private final Clock clock;

  public IssueApiKeyService(AccountStore accounts, ApiKeyHasher hasher, Clock clock) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Mono<IssuedApiKey> issue(IssueApiKeyCommand command) {
    Objects.requireNonNull(command, "command");
    return Mono.defer(
        () -> {
          Instant now = clock.now();
          Account account = new Account(AccountId.random(), now);
          ApiKeySecret secret = ApiKeySecret.generate();
          ApiKey key = ApiKey.issue(account.id(), secret, hasher, now);
          return accounts.createWithKey(account, key).thenReturn(new IssuedApiKey(key, secret));
        });
  }
}
