package com.fmugateway.domain.account.service;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKey;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.ApiKeySecret;
import com.fmugateway.domain.account.model.InvalidCredentialsException;
import com.fmugateway.domain.account.model.IssuedApiKey;
import com.fmugateway.domain.account.model.LogInLimits;
import com.fmugateway.domain.account.model.Role;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.account.port.in.EnsureOperatorUseCase;
import com.fmugateway.domain.account.port.in.LogInCommand;
import com.fmugateway.domain.account.port.in.LogInUseCase;
import com.fmugateway.domain.account.port.in.SignUpCommand;
import com.fmugateway.domain.account.port.in.SignUpUseCase;
import com.fmugateway.domain.account.port.out.AccountStore;
import com.fmugateway.domain.account.port.out.ApiKeyStore;
import com.fmugateway.domain.account.port.out.FailedLogIns;
import com.fmugateway.domain.account.port.out.PasswordHasher;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Accounts with email and password: sign-up, log-in (throttled per email and per address, and as
 * slow for an unknown email as for a known one), and the configured first operator.
 */
public final class PasswordAccountService
    implements SignUpUseCase, LogInUseCase, EnsureOperatorUseCase {

  private final AccountStore accounts;
  private final ApiKeyStore keys;
  private final PasswordHasher passwords;
  private final ApiKeyHasher keyHasher;
  private final Clock clock;
  private final AuditLog audit;
  private final LogInThrottle throttle;

  /**
   * A hash of a random password no one knows: an unknown email is checked against it, so that it
   * costs the same hashing time as a known one. Made once, on first need.
   */
  private final Mono<String> decoyHash;

  public PasswordAccountService(
      AccountStore accounts,
      ApiKeyStore keys,
      PasswordHasher passwords,
      ApiKeyHasher keyHasher,
      Clock clock,
      AuditLog audit,
      FailedLogIns failedLogIns,
      LogInLimits logInLimits) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.keyHasher = Objects.requireNonNull(keyHasher, "keyHasher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.throttle =
        new LogInThrottle(
            Objects.requireNonNull(failedLogIns, "failedLogIns"),
            Objects.requireNonNull(logInLimits, "logInLimits"));
    this.decoyHash = Mono.defer(() -> passwords.hash(UUID.randomUUID().toString())).cache();
  }

  @Override
  public Mono<IssuedApiKey> signUp(SignUpCommand command) {
    return create(command, Role.CUSTOMER)
        .flatMap(
            account -> {
              ApiKeySecret secret = ApiKeySecret.generate();
              ApiKey key = ApiKey.issue(account.id(), secret, keyHasher, clock.now());
              return keys.add(key)
                  .then(event(account, "key.created", key.id().toString()))
                  .thenReturn(new IssuedApiKey(key, secret));
            });
  }

  @Override
  public Mono<Account> logIn(LogInCommand command) {
    return throttle
        .admit(command)
        .then(Mono.defer(() -> verify(command)))
        .flatMap(account -> event(account, "login", account.id().toString()).thenReturn(account))
        .switchIfEmpty(
            Mono.defer(
                () -> throttle.failed(command).then(Mono.error(InvalidCredentialsException::new))));
  }

  /** The account when the password matches; empty otherwise, after the same hashing work. */
  private Mono<Account> verify(LogInCommand command) {
    return accounts
        .findCredentials(command.email())
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            found ->
                (found.isPresent() ? Mono.just(found.get().passwordHash()) : decoyHash)
                    .flatMap(hash -> passwords.matches(command.password(), hash))
                    .filter(ok -> ok && found.isPresent())
                    .map(ok -> found.get().account()));
  }

  @Override
  public Mono<Account> ensureOperator(SignUpCommand credentials) {
    return accounts
        .promoteToOperator(credentials.email())
        .flatMap(
            promoted ->
                promoted
                    ? accounts.findCredentials(credentials.email()).map(c -> c.account())
                    : create(credentials, Role.OPERATOR));
  }

  private Mono<Account> create(SignUpCommand command, Role role) {
    Instant now = clock.now();
    Account account =
        new Account(AccountId.random(), now, Tier.FREE, role, Optional.of(command.email()));
    return passwords
        .hash(command.password())
        .flatMap(hash -> accounts.createWithPassword(account, hash))
        .flatMap(
            created ->
                event(created, "account.created", created.id().toString()).thenReturn(created));
  }

  private Mono<Void> event(Account account, String action, String subject) {
    return audit.record(
        AuditEvent.by(account.id(), clock.now(), action, subject)
            .with("role", account.role().name().toLowerCase(Locale.ROOT)));
  }
}
