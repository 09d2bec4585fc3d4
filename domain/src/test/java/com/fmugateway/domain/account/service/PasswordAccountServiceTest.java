package com.fmugateway.domain.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.EmailAlreadyRegisteredException;
import com.fmugateway.domain.account.model.InvalidCredentialsException;
import com.fmugateway.domain.account.model.IssuedApiKey;
import com.fmugateway.domain.account.model.LogInLimits;
import com.fmugateway.domain.account.model.Role;
import com.fmugateway.domain.account.model.TooManyLogInAttemptsException;
import com.fmugateway.domain.account.port.in.LogInCommand;
import com.fmugateway.domain.account.port.in.SignUpCommand;
import com.fmugateway.domain.account.port.out.PasswordHasher;
import com.fmugateway.domain.fixtures.FakePasswordHasher;
import com.fmugateway.domain.fixtures.InMemoryAccounts;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryFailedLogIns;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PasswordAccountServiceTest {

  private final InMemoryAccounts store = new InMemoryAccounts();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final MutableClock clock = MutableClock.atEpochDay();
  private final CountingHasher hasher = new CountingHasher();
  private final PasswordAccountService service =
      new PasswordAccountService(
          store,
          store,
          hasher,
          new ApiKeyHasher(new byte[32]),
          clock,
          audit,
          new InMemoryFailedLogIns(clock),
          new LogInLimits(5, 20, Duration.ofMinutes(15)));

  @Test
  void signUp_opensACustomerAccountWithAKeyAndStoresOnlyAHash() {
    IssuedApiKey issued =
        service.signUp(new SignUpCommand(" Ada@Example.com ", "correct horse 42")).block();

    var credentials = store.findCredentials("ada@example.com").block();
    assertThat(credentials.account().id()).isEqualTo(issued.key().accountId());
    assertThat(credentials.account().role()).isEqualTo(Role.CUSTOMER);
    assertThat(credentials.passwordHash()).doesNotContain("correct horse 42");
    assertThat(audit.actions()).containsExactly("account.created", "key.created");
  }

  @Test
  void passwordRules_areCheckedWithMessagesNamingThePassword() {
    assertRejected("ada@example.com", "short1", "password", "at least 12");
    assertRejected("ada@example.com", "onlylettersherexx", "password", "letter and one digit");
    assertRejected("ada@example.com", "ada@example.com1", "password", "email");
    assertRejected("ada@example.com", "correct horse 42" + "x".repeat(57), "password", "72 bytes");
    assertRejected("ada\u0000@example.com", "correct horse 42", "email", "valid email");
    assertRejected("not-an-email", "correct horse 42", "email", "valid email");
    assertRejected("", "correct horse 42", "email", "required");
  }

  @Test
  void logIn_acceptsTheRightPasswordAndRefusesAnythingElseAlike() {
    service.signUp(new SignUpCommand("ada@example.com", "correct horse 42")).block();

    assertThat(logIn("ADA@example.com", "correct horse 42").block().email())
        .contains("ada@example.com");
    StepVerifier.create(logIn("ada@example.com", "wrong horse 42"))
        .expectError(InvalidCredentialsException.class)
        .verify();
    StepVerifier.create(logIn("nobody@example.com", "correct horse 42"))
        .expectError(InvalidCredentialsException.class)
        .verify();
  }

  @Test
  void ensureOperator_createsOnceThenKeepsTheSameAccount() {
    SignUpCommand operator = new SignUpCommand("ops@example.com", "operator pass 99");

    var first = service.ensureOperator(operator).block();
    var again = service.ensureOperator(operator).block();

    assertThat(first.role()).isEqualTo(Role.OPERATOR);
    assertThat(again.id()).isEqualTo(first.id());
  }

  @Test
  void ensureOperator_promotesAnExistingCustomer() {
    IssuedApiKey customer =
        service.signUp(new SignUpCommand("boss@example.com", "customer pass 11")).block();

    var operator =
        service.ensureOperator(new SignUpCommand("boss@example.com", "customer pass 11")).block();

    assertThat(operator.id()).isEqualTo(customer.key().accountId());
    assertThat(operator.role()).isEqualTo(Role.OPERATOR);
  }

  @Test
  void logIn_withAnUnknownEmail_doesTheSamePasswordCheckAsWithAKnownOne() {
    service.signUp(new SignUpCommand("ada@example.com", "correct horse 42")).block();
    service
        .logIn(new LogInCommand("nobody@example.com", "x", "10.0.0.9"))
        .onErrorComplete()
        .block();
    hasher.checks.set(0);

    service
        .logIn(new LogInCommand("ada@example.com", "wrong", "10.0.0.1"))
        .onErrorComplete()
        .block();
    int known = hasher.checks.get();
    service
        .logIn(new LogInCommand("nobody@example.com", "wrong", "10.0.0.1"))
        .onErrorComplete()
        .block();

    assertThat(known).isEqualTo(1);
    assertThat(hasher.checks.get() - known).isEqualTo(1);
  }

  @Test
  void logIn_afterFiveFailuresForAnEmail_isRefusedEvenWithTheRightPassword_untilTheWindowEnds() {
    service.signUp(new SignUpCommand("ada@example.com", "correct horse 42")).block();
    for (int i = 0; i < 5; i++) {
      StepVerifier.create(
              service.logIn(new LogInCommand("ada@example.com", "guess " + i, "10.0.0." + i)))
          .expectError(InvalidCredentialsException.class)
          .verify();
    }

    StepVerifier.create(
            service.logIn(new LogInCommand("ada@example.com", "correct horse 42", "10.1.1.1")))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        TooManyLogInAttemptsException.class,
                        tooMany ->
                            assertThat(tooMany.retryAfter())
                                .isPositive()
                                .isLessThanOrEqualTo(Duration.ofMinutes(15))))
        .verify();
    clock.advance(Duration.ofMinutes(15));
    assertThat(
            service
                .logIn(new LogInCommand("ada@example.com", "correct horse 42", "10.1.1.1"))
                .block())
        .isNotNull();
  }

  @Test
  void logIn_anUnknownEmailIsLockedAfterFiveFailuresLikeAKnownOne() {
    for (int i = 0; i < 5; i++) {
      service
          .logIn(new LogInCommand("nobody@example.com", "guess", "10.0.0." + i))
          .onErrorComplete()
          .block();
    }

    StepVerifier.create(service.logIn(new LogInCommand("nobody@example.com", "guess", "10.2.2.2")))
        .expectError(TooManyLogInAttemptsException.class)
        .verify();
  }

  @Test
  void logIn_afterTwentyFailuresFromOneAddress_refusesThatAddressOnly() {
    service.signUp(new SignUpCommand("ada@example.com", "correct horse 42")).block();
    for (int i = 0; i < 20; i++) {
      service
          .logIn(new LogInCommand("user" + i + "@example.com", "guess", "10.0.0.66"))
          .onErrorComplete()
          .block();
    }

    StepVerifier.create(
            service.logIn(new LogInCommand("ada@example.com", "correct horse 42", "10.0.0.66")))
        .expectError(TooManyLogInAttemptsException.class)
        .verify();
    assertThat(
            service
                .logIn(new LogInCommand("ada@example.com", "correct horse 42", "10.0.0.67"))
                .block())
        .isNotNull();
  }

  @Test
  void logIn_successesDoNotCountTowardTheLimit() {
    service.signUp(new SignUpCommand("ada@example.com", "correct horse 42")).block();

    for (int i = 0; i < 30; i++) {
      assertThat(logIn("ada@example.com", "correct horse 42").block()).isNotNull();
    }
  }

  @Test
  void signUp_withATakenEmail_failsWithItsOwnType() {
    service.signUp(new SignUpCommand("ada@example.com", "correct horse 42")).block();

    StepVerifier.create(service.signUp(new SignUpCommand("ada@example.com", "other horse 43")))
        .expectError(EmailAlreadyRegisteredException.class)
        .verify();
  }

  private Mono<Account> logIn(String email, String password) {
    return service.logIn(new LogInCommand(email, password, "10.0.0.1"));
  }

  /** The fake hasher, counting password checks. */
  private static final class CountingHasher implements PasswordHasher {
    private final FakePasswordHasher fake = new FakePasswordHasher();
    private final AtomicInteger checks = new AtomicInteger();

    @Override
    public Mono<String> hash(String password) {
      return fake.hash(password);
    }

    @Override
    public Mono<Boolean> matches(String password, String hash) {
      checks.incrementAndGet();
      return fake.matches(password, hash);
    }
  }

  private static void assertRejected(String email, String password, String field, String message) {
    assertThatThrownBy(() -> new SignUpCommand(email, password))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo(field);
  }
}
