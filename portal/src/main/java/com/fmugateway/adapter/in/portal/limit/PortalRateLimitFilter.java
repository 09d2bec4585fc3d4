package com.fmugateway.adapter.in.portal.limit;

import com.fmugateway.adapter.in.portal.security.PortalUser;
import com.fmugateway.domain.account.model.AnonymousAction;
import com.fmugateway.domain.account.model.RateDecision;
import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The portal's rate-limited routes: {@code POST /portal/signup} per client address, counted
 * together with the API's sign-ups (one {@link AnonymousAction#SIGN_UP} limit); runs, experiments
 * and checkouts ({@code POST /portal/run}, {@code /portal/experiments}, {@code
 * /portal/credits/checkout}) on the account's runs-per-minute, the same budget its API keys draw
 * on. The log-in form is not here: Spring Security answers it inside the portal's security chain,
 * before any filter after it. A refusal is a 429 with Retry-After, rendered by the portal's error
 * pages.
 */
public final class PortalRateLimitFilter implements WebFilter {

  private final EnforceRateLimitUseCase limits;

  public PortalRateLimitFilter(EnforceRateLimitUseCase limits) {
    this.limits = limits;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return decision(exchange)
        .filter(d -> !d.allowed())
        .flatMap(d -> Mono.<Void>error(refusal(exchange, d)))
        .then(Mono.defer(() -> chain.filter(exchange)));
  }

  private Mono<RateDecision> decision(ServerWebExchange exchange) {
    if (exchange.getRequest().getMethod() != HttpMethod.POST) {
      return Mono.empty();
    }
    return switch (exchange.getRequest().getPath().value()) {
      case "/portal/signup" -> limits.anonymous(AnonymousAction.SIGN_UP, clientAddress(exchange));
      case "/portal/run", "/portal/experiments", "/portal/credits/checkout" ->
          user().flatMap(user -> limits.run(user.accountId(), user.tier()));
      default -> Mono.empty();
    };
  }

  private static Mono<PortalUser> user() {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(a -> a.getPrincipal() instanceof PortalUser)
        .map(a -> (PortalUser) a.getPrincipal());
  }

  private static ResponseStatusException refusal(ServerWebExchange exchange, RateDecision d) {
    long seconds = Math.max(1, (d.retryAfter().toMillis() + 999) / 1000);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    return new ResponseStatusException(
        HttpStatus.TOO_MANY_REQUESTS,
        "rate limit of " + d.limit() + " per minute reached; retry in " + seconds + " s");
  }

  private static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
