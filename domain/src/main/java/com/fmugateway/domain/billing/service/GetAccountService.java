package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.account.port.in.FindAccountQuery;
import com.fmugateway.domain.billing.model.AccountSummary;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerEntry;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.billing.port.in.GetAccountQuery;
import com.fmugateway.domain.billing.port.in.GetCreditHistoryQuery;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import com.fmugateway.domain.simulation.port.in.GetRunsQuery;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
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

  private final FindAccountQuery accounts;
  private final CreditLedger ledger;
  private final GetRunsQuery runs;
  private final MonthlyGrants grants;

  public GetAccountService(
      FindAccountQuery accounts,
      CreditLedger ledger,
      GetRunsQuery runs,
      Map<Tier, TierPolicy> tiers,
      AuditLog audit,
      Clock clock,
      Transactions transactions) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.runs = Objects.requireNonNull(runs, "runs");
    this.grants = new MonthlyGrants(ledger, tiers, clock, audit, transactions);
  }

  @Override
  public Mono<AccountSummary> account(AccountId id) {
    return accounts
        .account(id)
        .flatMap(
            account -> {
              Instant since = grants.periodStart();
              return grants
                  .ensureGranted(account.id(), account.tier())
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
