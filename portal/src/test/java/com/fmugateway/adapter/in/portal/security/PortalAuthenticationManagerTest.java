package com.fmugateway.adapter.in.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.TooManyLogInAttemptsException;
import com.fmugateway.domain.account.port.in.LogInCommand;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The portal's log-in passes on the client's address, and says when it was throttled. */
class PortalAuthenticationManagerTest {

  private final AtomicReference<LogInCommand> asked = new AtomicReference<>();

  @Test
  void theLogInIsCountedAgainstTheClientsAddress() {
    PortalAuthenticationManager manager =
        new PortalAuthenticationManager(
            command -> {
              asked.set(command);
              return Mono.empty();
            });
    ServerWebExchange exchange =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("/portal/login")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 40000)));

    manager
        .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("a@example.com", "pw"))
        .contextWrite(context -> context.put(ServerWebExchange.class, exchange))
        .block();

    assertThat(asked.get().clientAddress()).isEqualTo("10.1.2.3");
    assertThat(asked.get().email()).isEqualTo("a@example.com");
  }

  @Test
  void aThrottledLogIn_becomesAnAuthenticationFailureWithTheMinutesToWait() {
    PortalAuthenticationManager manager =
        new PortalAuthenticationManager(
            command -> Mono.error(new TooManyLogInAttemptsException(Duration.ofSeconds(61))));

    StepVerifier.create(
            manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("a@example.com", "pw")))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        LogInThrottledException.class,
                        throttled -> assertThat(throttled.retryMinutes()).isEqualTo(2)))
        .verify();
  }
}
