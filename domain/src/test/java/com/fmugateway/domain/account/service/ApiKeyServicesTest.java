package com.fmugateway.domain.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.account.model.ApiKeySecret;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.account.model.IssuedApiKey;
import com.fmugateway.domain.account.model.KeyLimits;
import com.fmugateway.domain.account.port.in.IssueApiKeyCommand;
import com.fmugateway.domain.fixtures.InMemoryAccounts;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryRateLimiter;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.shared.model.LimitReachedException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ApiKeyServicesTest {

  private final InMemoryAccounts store = new InMemoryAccounts();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final MutableClock clock = MutableClock.atEpochDay();
  private final ApiKeyHasher hasher = new ApiKeyHasher(secret((byte) 1));
  private final IssueApiKeyService issue =
      new IssueApiKeyService(
          store,
          store,
          hasher,
          clock,
          audit,
          new KeyLimits(3, 5, Duration.ofHours(1)),
          new InMemoryRateLimiter(clock));
  private final AuthenticateApiKeyService authenticate =
      new AuthenticateApiKeyService(store, store, hasher, clock);

  @Test
  void issue_returnsPrefixedKeyThatIsStoredOnlyAsItsHash() {
    IssuedApiKey issued = issue.issue(IssueApiKeyCommand.newAccount()).block();

    assertThat(issued.secret().reveal()).startsWith(ApiKeySecret.PREFIX).hasSizeGreaterThan(40);
    assertThat(issued.key().hash()).isEqualTo(hasher.hash(issued.secret()));
    assertThat(issued.key().hash().hex()).doesNotContain(issued.secret().reveal());
    assertThat(issued.secret().toString()).doesNotContain(issued.secret().reveal());
  }

  @Test
  void issue_givesEveryCallerADifferentAccountAndKey() {
    IssuedApiKey first = issue.issue(IssueApiKeyCommand.newAccount()).block();
    IssuedApiKey second = issue.issue(IssueApiKeyCommand.newAccount()).block();

    assertThat(first.key().accountId()).isNotEqualTo(second.key().accountId());
    assertThat(first.secret()).isNotEqualTo(second.secret());
  }

  @Test
  void additionalKey_belongsToTheSameAccountAndWorksAlongsideTheFirst() {
    IssuedApiKey first = issue.issue(IssueApiKeyCommand.newAccount()).block();
    IssuedApiKey second =
        issue.issue(IssueApiKeyCommand.additionalKey(first.key().accountId())).block();

    assertThat(second.key().accountId()).isEqualTo(first.key().accountId());
    assertThat(authenticate.authenticate(first.secret().reveal()).block()).isNotNull();
    assertThat(authenticate.authenticate(second.secret().reveal()).block().keyId())
        .isEqualTo(second.key().id());
  }

  @Test
  void anAccountHoldingItsLimitOfActiveKeys_isRefusedAnotherUntilItRevokesOne() {
    IssuedApiKey first = issue.issue(IssueApiKeyCommand.newAccount()).block();
    AccountId owner = first.key().accountId();
    issue.issue(IssueApiKeyCommand.additionalKey(owner)).block();
    issue.issue(IssueApiKeyCommand.additionalKey(owner)).block();

    StepVerifier.create(issue.issue(IssueApiKeyCommand.additionalKey(owner)))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        LimitReachedException.class,
                        limit -> {
                          assertThat(limit.limit()).isEqualTo("active_api_keys");
                          assertThat(limit.max()).isEqualTo(3);
                          assertThat(limit.retryAfter()).isEmpty();
                        }))
        .verify();
    assertThat(store.listFor(owner).count().block()).isEqualTo(3);

    new ApiKeyManagementService(store, clock, audit).revoke(owner, first.key().id()).block();
    assertThat(issue.issue(IssueApiKeyCommand.additionalKey(owner)).block()).isNotNull();
  }

  @Test
  void anAccountThatCreatedItsKeysForTheHour_isToldWhenToComeBack() {
    AccountId owner = issue.issue(IssueApiKeyCommand.newAccount()).block().key().accountId();
    ApiKeyManagementService management = new ApiKeyManagementService(store, clock, audit);
    for (int i = 0; i < 5; i++) {
      IssuedApiKey key = issue.issue(IssueApiKeyCommand.additionalKey(owner)).block();
      management.revoke(owner, key.key().id()).block();
    }
    clock.advance(Duration.ofMinutes(15));

    StepVerifier.create(issue.issue(IssueApiKeyCommand.additionalKey(owner)))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        LimitReachedException.class,
                        limit -> {
                          assertThat(limit.limit()).isEqualTo("api_key_creations");
                          assertThat(limit.retryAfter()).contains(Duration.ofMinutes(45));
                          assertThat(limit.getMessage()).contains("5 API keys per hour");
                        }))
        .verify();
  }

  @Test
  void revokingAnotherAccountsKey_isNotFoundAndLeavesItWorking() {
    IssuedApiKey mine = issue.issue(IssueApiKeyCommand.newAccount()).block();
    IssuedApiKey theirs = issue.issue(IssueApiKeyCommand.newAccount()).block();
    ApiKeyManagementService management = new ApiKeyManagementService(store, clock, audit);

    StepVerifier.create(management.revoke(mine.key().accountId(), theirs.key().id()))
        .expectError(com.fmugateway.domain.shared.model.NotFoundException.class)
        .verify();
    assertThat(authenticate.authenticate(theirs.secret().reveal()).block()).isNotNull();

    management.revoke(theirs.key().accountId(), theirs.key().id()).block();
    StepVerifier.create(authenticate.authenticate(theirs.secret().reveal())).verifyComplete();
    assertThat(audit.actions())
        .containsSubsequence("account.created", "key.created", "key.revoked");
  }

  @Test
  void givenIssuedKey_authenticate_returnsItsAccount() {
    IssuedApiKey issued = issue.issue(IssueApiKeyCommand.newAccount()).block();

    StepVerifier.create(authenticate.authenticate(issued.secret().reveal()))
        .expectNext(new AuthenticatedAccount(issued.key().accountId(), issued.key().id()))
        .verifyComplete();
  }

  @Test
  void givenUnknownOrBlankKey_authenticate_isEmpty() {
    issue.issue(IssueApiKeyCommand.newAccount()).block();

    StepVerifier.create(authenticate.authenticate(ApiKeySecret.generate().reveal()))
        .verifyComplete();
    StepVerifier.create(authenticate.authenticate("")).verifyComplete();
    StepVerifier.create(authenticate.authenticate(null)).verifyComplete();
  }

  @Test
  void givenRevokedKey_authenticate_isEmptyOnTheVeryNextCall() {
    IssuedApiKey issued = issue.issue(IssueApiKeyCommand.newAccount()).block();
    authenticate.authenticate(issued.secret().reveal()).block();

    store.revoke(issued.key().accountId(), issued.key().id(), clock.now()).block();

    StepVerifier.create(authenticate.authenticate(issued.secret().reveal())).verifyComplete();
  }

  @Test
  void givenKeyFromAnotherServerSecret_authenticate_isEmpty() {
    IssuedApiKey issued = issue.issue(IssueApiKeyCommand.newAccount()).block();
    AuthenticateApiKeyService otherServer =
        new AuthenticateApiKeyService(store, store, new ApiKeyHasher(secret((byte) 2)), clock);

    StepVerifier.create(otherServer.authenticate(issued.secret().reveal())).verifyComplete();
  }

  @Test
  void authenticate_recordsLastUsedAtMostOncePerResolution() {
    IssuedApiKey issued = issue.issue(IssueApiKeyCommand.newAccount()).block();
    String key = issued.secret().reveal();

    authenticate.authenticate(key).block();
    var firstUse = clock.now();
    clock.advance(Duration.ofSeconds(30));
    authenticate.authenticate(key).block();
    assertThat(store.findByHash(issued.key().hash()).block().lastUsedAt()).contains(firstUse);

    clock.advance(AuthenticateApiKeyService.LAST_USED_RESOLUTION);
    authenticate.authenticate(key).block();
    assertThat(store.findByHash(issued.key().hash()).block().lastUsedAt()).contains(clock.now());
  }

  private static byte[] secret(byte value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, value);
    return bytes;
  }
}
