package com.fmugateway.adapter.in.http.account;

import com.fmugateway.domain.model.account.Account;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The caller's account. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountResponse(String id, Instant createdAt) {

  static AccountResponse from(Account account) {
    return new AccountResponse(account.id().toString(), account.createdAt());
  }
}
