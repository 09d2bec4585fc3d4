package com.fmugateway.adapter.in.portal.security;

import com.fmugateway.domain.account.model.Account;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.session.ReactiveSessionInformation;
import org.springframework.security.core.session.ReactiveSessionRegistry;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Logs a browser in to the portal without the log-in form: right after it signed up. The session
 * counts towards the account's {@link PortalSecurity#SESSIONS_PER_ACCOUNT}, as one made by the
 * log-in form does.
 */
public final class PortalSessions {

  private static final ServerSecurityContextRepository CONTEXTS =
      new WebSessionServerSecurityContextRepository();

  private final ReactiveSessionRegistry registry;

  public PortalSessions(ReactiveSessionRegistry registry) {
    this.registry = registry;
  }

  /** Stores the account's log-in in the session, under a new session id. */
  public Mono<Void> logIn(ServerWebExchange exchange, Account account) {
    Authentication authentication = PortalAuthenticationManager.authenticated(account);
    return exchange
        .getSession()
        .flatMap(session -> session.changeSessionId().thenReturn(session))
        .flatMap(
            session ->
                CONTEXTS
                    .save(exchange, new SecurityContextImpl(authentication))
                    .then(
                        registry.saveSessionInformation(
                            new ReactiveSessionInformation(
                                authentication.getPrincipal(), session.getId(), Instant.now()))));
  }
}
