package com.fmugateway.domain.account.model;

/**
 * Something anyone may attempt without an account, limited per client address. The limit is the
 * action's, not the route's: signing up through the API and through the portal count together.
 */
public enum AnonymousAction {
  ISSUE_KEY,
  SIGN_UP,
  LOG_IN
}
