package com.fmugateway.adapter.in.portal.security;

import com.fmugateway.domain.account.model.InvalidCredentialsException;
import com.fmugateway.domain.account.port.in.LogInUseCase;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import reactor.core.publisher.Mono;

/** Portal log-in with email and password, checked by the domain (bcrypt, audit). */
final class PortalAuthenticationManager implements ReactiveAuthenticationManager {

  private final LogInUseCase logIn;

  PortalAuthenticationManager(LogInUseCase logIn) {
    this.logIn = logIn;
  }

  @Override
  public Mono<Authentication> authenticate(Authentication authentication) {
    return logIn
        .logIn(authentication.getName(), String.valueOf(authentication.getCredentials()))
        .<Authentication>map(
            account ->
                UsernamePasswordAuthenticationToken.authenticated(
                    new PortalUser(
                        account.id(), account.email().orElse(""), account.role(), account.tier()),
                    null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name()))))
        .onErrorMap(
            InvalidCredentialsException.class, e -> new BadCredentialsException(e.getMessage()));
  }
}
