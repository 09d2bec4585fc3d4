package com.fmugateway.adapter.in.portal.security;

import com.fmugateway.domain.account.model.Account;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Logs a browser in to the portal without the log-in form: right after it signed up. */
public final class PortalSessions {

  private static final ServerSecurityContextRepository CONTEXTS =
      new WebSessionServerSecurityContextRepository();

  private PortalSessions() {}

  /** Stores the account's log-in in the session, under a new session id. */
  public static Mono<Void> logIn(ServerWebExchange exchange, Account account) {
    return exchange
        .getSession()
        .flatMap(session -> session.changeSessionId())
        .then(
            CONTEXTS.save(
                exchange,
                new SecurityContextImpl(PortalAuthenticationManager.authenticated(account))));
  }
}
