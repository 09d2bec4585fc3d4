package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.AccountSummary;
import com.fmugateway.domain.model.credit.EntryKind;
import com.fmugateway.domain.port.in.GetAccountQuery;
import com.fmugateway.domain.port.out.AccountStore;
import com.fmugateway.domain.port.out.CreditLedger;
import com.fmugateway.domain.port.out.RunHistory;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Reads an account for its owner, granting this month's credits first if still due. */
public final class GetAccountService implements GetAccountQuery {

  private final AccountStore accounts;
  private final CreditLedger ledger;
  private final RunHistory runs;
  private final MonthlyGrants grants;

  public GetAccountService(
      AccountStore accounts, CreditLedger ledger, RunHistory runs, MonthlyGrants grants) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.grants = Objects.requireNonNull(grants, "grants");
  }

  @Override
  public Mono<AccountSummary> account(AccountId id) {
    return accounts
        .findById(id)
        .flatMap(
            account -> {
              Instant since = grants.periodStart();
              return grants
                  .ensureGranted(account)
                  .then(
                      Mono.zip(
                          ledger.balance(id),
                          ledger.totalSince(id, EntryKind.GRANT, since),
                          runs.usageSince(id, since)))
                  .map(
                      t ->
                          new AccountSummary(
                              account, t.getT1(), grants.period(), t.getT2(), t.getT3()));
            });
  }
}
