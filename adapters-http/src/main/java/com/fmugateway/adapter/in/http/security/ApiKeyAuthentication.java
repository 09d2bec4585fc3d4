package com.fmugateway.adapter.in.http.security;

import com.fmugateway.domain.account.model.AuthenticatedAccount;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A bearer API key: unauthenticated it carries the presented key; authenticated, the account. The
 * key is erased once checked, so it never sits in the security context.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

  private final String presentedKey;
  private final AuthenticatedAccount account;

  private ApiKeyAuthentication(String presentedKey, AuthenticatedAccount account) {
    super(
        account == null
            ? List.of()
            : List.of(
                new SimpleGrantedAuthority("ROLE_API"),
                new SimpleGrantedAuthority("ROLE_" + account.role().name())));
    this.presentedKey = presentedKey;
    this.account = account;
    setAuthenticated(account != null);
  }

  static ApiKeyAuthentication presented(String key) {
    return new ApiKeyAuthentication(key, null);
  }

  static ApiKeyAuthentication authenticated(AuthenticatedAccount account) {
    return new ApiKeyAuthentication(null, account);
  }

  @Override
  public String getCredentials() {
    return presentedKey;
  }

  @Override
  public AuthenticatedAccount getPrincipal() {
    return account;
  }

  @Override
  public String getName() {
    return account == null ? "anonymous" : account.accountId().toString();
  }
}
