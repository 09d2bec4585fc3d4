package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.AccountSummary;
import com.fmugateway.domain.model.credit.EntryKind;
import com.fmugateway.domain.model.credit.LedgerEntry;
import com.fmugateway.domain.port.in.GetAccountQuery;
import com.fmugateway.domain.port.in.GetCreditHistoryQuery;
import com.fmugateway.domain.port.out.AccountStore;
import com.fmugateway.domain.port.out.CreditLedger;
import com.fmugateway.domain.port.out.RunHistory;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads an account for its owner, granting this month's credits first if still due, and its credit
 * history.
 */
public final class GetAccountService implements GetAccountQuery, GetCreditHistoryQuery {

  private static final Set<EntryKind> HISTORY =
      EnumSet.complementOf(EnumSet.of(EntryKind.HOLD, EntryKind.RELEASE));
  private static final int MAX_HISTORY = 500;

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

  @Override
  public Flux<LedgerEntry> history(AccountId account, int limit) {
    if (limit < 1 || limit > MAX_HISTORY) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_HISTORY + ": " + limit);
    }
    return ledger.entries(account, HISTORY, limit);
  }
}
