package com.fmugateway.adapter.in.portal.limit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.portal.security.PortalUser;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.AnonymousAction;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.model.Role;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PortalRateLimitFilterTest {

  private final List<String> asked = new ArrayList<>();
  private RateDecision next = RateDecision.allow(3);
  private final AtomicBoolean passedOn = new AtomicBoolean();
  private final WebFilterChain chain = exchange -> Mono.fromRunnable(() -> passedOn.set(true));

  private final EnforceRateLimitUseCase limits =
      new EnforceRateLimitUseCase() {
        @Override
        public Mono<RateDecision> run(AccountId account, Tier tier) {
          asked.add("RUN " + account + " " + tier);
          return Mono.just(next);
        }

        @Override
        public Mono<RateDecision> anonymous(AnonymousAction action, String clientAddress) {
          asked.add(action + " " + clientAddress);
          return Mono.just(next);
        }
      };

  private final PortalRateLimitFilter filter = new PortalRateLimitFilter(limits);

  @Test
  void aSignUpWithinTheLimit_goesOn_countedAsASignUpFromItsAddress() {
    StepVerifier.create(filter.filter(post("/portal/signup"), chain)).verifyComplete();

    assertThat(asked).containsExactly("SIGN_UP 192.0.2.7");
    assertThat(passedOn).isTrue();
  }

  @Test
  void aSignUpOverTheLimit_isRefusedWith429AndRetryAfter() {
    next = new RateDecision(false, 3, Duration.ofMillis(41_500));
    MockServerWebExchange exchange = post("/portal/signup");

    StepVerifier.create(filter.filter(exchange, chain))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        s -> assertThat(s.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS)))
        .verify();

    assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
        .isEqualTo("42");
    assertThat(passedOn).isFalse();
  }

  @Test
  void otherRoutes_includingTheApisAndTheLogInForm_areNotThePortalsToLimit() {
    for (String path : List.of("/signup", "/keys", "/portal/login")) {
      StepVerifier.create(filter.filter(post(path), chain)).verifyComplete();
    }
    StepVerifier.create(
            filter.filter(
                MockServerWebExchange.from(MockServerHttpRequest.get("/portal/signup")), chain))
        .verifyComplete();

    assertThat(asked).isEmpty();
    assertThat(passedOn).isTrue();
  }

  @Test
  void aPortalRunOrCheckout_drawsOnTheAccountsRunBudget_andIsRefusedBeyondIt() {
    AccountId account = AccountId.random();
    PortalUser user = new PortalUser(account, "ada@example.com", Role.CUSTOMER, Tier.PRO);
    var signedIn =
        ReactiveSecurityContextHolder.withAuthentication(
            new TestingAuthenticationToken(user, null, "ROLE_CUSTOMER"));

    StepVerifier.create(filter.filter(post("/portal/run"), chain).contextWrite(signedIn))
        .verifyComplete();
    next = new RateDecision(false, 3, Duration.ofSeconds(9));
    MockServerWebExchange refused = post("/portal/credits/checkout");
    StepVerifier.create(filter.filter(refused, chain).contextWrite(signedIn))
        .expectErrorSatisfies(
            e ->
                assertThat(((ResponseStatusException) e).getStatusCode())
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS))
        .verify();

    assertThat(asked).containsExactly("RUN " + account + " PRO", "RUN " + account + " PRO");
    assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("9");
  }

  private static MockServerWebExchange post(String path) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.post(path).remoteAddress(new InetSocketAddress("192.0.2.7", 50123)));
  }
}
