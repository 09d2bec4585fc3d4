package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.account.model.AuthenticatedAccount;
import java.util.Objects;

/**
 * Who calls a tool (as the API's security chain authenticated the key) and the gateway's address as
 * the caller reached it, for the links and commands a tool answers with.
 */
record Caller(AuthenticatedAccount account, String baseUrl) {

  Caller {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(baseUrl, "baseUrl");
  }
}
