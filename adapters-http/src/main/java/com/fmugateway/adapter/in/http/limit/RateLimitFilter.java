package com.fmugateway.adapter.in.http.limit;

import com.fmugateway.adapter.in.http.problem.Problem;
import com.fmugateway.adapter.in.http.problem.ProblemWriter;
import com.fmugateway.domain.account.model.AnonymousAction;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The API's rate-limited routes: runs per minute per account by tier (all its keys and the portal
 * together) on {@code POST /simulate} and on the routes that open checkouts at a payment provider
 * ({@code /pay}, {@code /credits/checkout}), and a limit per client address on {@code POST /keys},
 * {@code /signup} and {@code /login}. Webhooks are not limited: a provider retrying a burst must
 * not be refused. Refusals are 429 problem+json with Retry-After. The portal declares its own
 * routes in a filter of its own.
 */
public final class RateLimitFilter implements WebFilter {

  private final EnforceRateLimitUseCase limits;
  private final ProblemWriter problems;

  public RateLimitFilter(EnforceRateLimitUseCase limits, ProblemWriter problems) {
    this.limits = limits;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getMethod() != HttpMethod.POST) {
      return chain.filter(exchange);
    }
    String path = exchange.getRequest().getPath().value();
    Mono<RateDecision> decision =
        switch (path) {
          case "/simulate", "/pay", "/credits/checkout" ->
              caller().flatMap(c -> limits.run(c.accountId(), c.tier()));
          case "/keys" -> limits.anonymous(AnonymousAction.ISSUE_KEY, clientAddress(exchange));
          case "/signup" -> limits.anonymous(AnonymousAction.SIGN_UP, clientAddress(exchange));
          case "/login" -> limits.anonymous(AnonymousAction.LOG_IN, clientAddress(exchange));
          default -> Mono.empty();
        };
    return decision
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            d ->
                d.isEmpty() || d.get().allowed()
                    ? chain.filter(exchange)
                    : refuse(exchange, d.get()));
  }

  private Mono<Void> refuse(ServerWebExchange exchange, RateDecision decision) {
    long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
    return problems.write(
        exchange,
        Problem.of(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate limit of "
                    + decision.limit()
                    + " per minute reached; retry in "
                    + seconds
                    + " s")
            .with("retry_after", seconds));
  }

  private static Mono<AuthenticatedAccount> caller() {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(a -> a.getPrincipal() instanceof AuthenticatedAccount)
        .map(a -> (AuthenticatedAccount) a.getPrincipal());
  }

  private static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
