package com.fmugateway.adapter.in.http.security;

import com.fmugateway.domain.account.port.in.AuthenticateApiKeyQuery;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/** Checks a bearer key against the domain on every request; nothing is cached here. */
final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

  private final AuthenticateApiKeyQuery query;

  ApiKeyAuthenticationManager(AuthenticateApiKeyQuery query) {
    this.query = query;
  }

  @Override
  public Mono<Authentication> authenticate(Authentication authentication) {
    String key = (String) authentication.getCredentials();
    return query
        .authenticate(key)
        .<Authentication>map(ApiKeyAuthentication::authenticated)
        .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or revoked API key")));
  }
}
