package com.fmugateway.adapter.in.portal.security;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.account.model.InvalidCredentialsException;
import com.fmugateway.domain.account.model.TooManyLogInAttemptsException;
import com.fmugateway.domain.account.port.in.LogInCommand;
import com.fmugateway.domain.account.port.in.LogInUseCase;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Portal log-in with email and password, checked by the domain (bcrypt, audit, failed attempts
 * limited per email and per client address).
 */
final class PortalAuthenticationManager implements ReactiveAuthenticationManager {

  private final LogInUseCase logIn;

  PortalAuthenticationManager(LogInUseCase logIn) {
    this.logIn = logIn;
  }

  @Override
  public Mono<Authentication> authenticate(Authentication authentication) {
    return Mono.deferContextual(
            context ->
                Mono.just(
                    new LogInCommand(
                        authentication.getName(),
                        String.valueOf(authentication.getCredentials()),
                        context
                            .<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
                            .map(ClientAddress::of)
                            .orElse(null))))
        .flatMap(logIn::logIn)
        .map(PortalAuthenticationManager::authenticated)
        .onErrorMap(
            InvalidCredentialsException.class, e -> new BadCredentialsException(e.getMessage()))
        .onErrorMap(
            TooManyLogInAttemptsException.class,
            e -> new LogInThrottledException(e.getMessage(), e.retryAfterMinutes()));
  }

  /** The portal's authentication of an account whose credentials were checked. */
  static Authentication authenticated(Account account) {
    return UsernamePasswordAuthenticationToken.authenticated(
        new PortalUser(account.id(), account.email().orElse(""), account.role(), account.tier()),
        null,
        List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
  }
}
