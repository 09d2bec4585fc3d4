package com.fmugateway.domain.account.port.in;

import com.fmugateway.domain.account.model.AccountId;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: issue a key, either for a new anonymous account (the prototype's {@code POST /keys}) or
 * as one more key of an existing account.
 */
public record IssueApiKeyCommand(Optional<AccountId> forAccount) {

  public IssueApiKeyCommand {
    Objects.requireNonNull(forAccount, "forAccount");
  }

  public static IssueApiKeyCommand newAccount() {
    return new IssueApiKeyCommand(Optional.empty());
  }

  public static IssueApiKeyCommand additionalKey(AccountId account) {
    return new IssueApiKeyCommand(Optional.of(account));
  }
}
