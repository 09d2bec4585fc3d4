package com.fmugateway.domain.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.InvalidCredentialsException;
import com.fmugateway.domain.account.model.IssuedApiKey;
import com.fmugateway.domain.account.model.Role;
import com.fmugateway.domain.account.port.in.SignUpCommand;
import com.fmugateway.domain.fixtures.FakePasswordHasher;
import com.fmugateway.domain.fixtures.InMemoryAccounts;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.shared.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PasswordAccountServiceTest {

  private final InMemoryAccounts store = new InMemoryAccounts();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final MutableClock clock = MutableClock.atEpochDay();
  private final PasswordAccountService service =
      new PasswordAccountService(
          store, store, new FakePasswordHasher(), new ApiKeyHasher(new byte[32]), clock, audit);

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

    assertThat(service.logIn("ADA@example.com", "correct horse 42").block().email())
        .contains("ada@example.com");
    StepVerifier.create(service.logIn("ada@example.com", "wrong horse 42"))
        .expectError(InvalidCredentialsException.class)
        .verify();
    StepVerifier.create(service.logIn("nobody@example.com", "correct horse 42"))
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

  private static void assertRejected(String email, String password, String field, String message) {
    assertThatThrownBy(() -> new SignUpCommand(email, password))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo(field);
  }
}
