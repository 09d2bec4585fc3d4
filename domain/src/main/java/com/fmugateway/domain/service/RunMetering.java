package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.common.NotFoundException;
import com.fmugateway.domain.model.credit.Hold;
import com.fmugateway.domain.model.credit.InsufficientCreditsException;
import com.fmugateway.domain.model.credit.PaymentRequiredException;
import com.fmugateway.domain.model.credit.PriceList;
import com.fmugateway.domain.model.run.RunRecord;
import com.fmugateway.domain.port.out.AccountStore;
import com.fmugateway.domain.port.out.CreditLedger;
import com.fmugateway.domain.port.out.RunHistory;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Charges for runs: grants the month's credits if due, holds the quote before the run, captures the
 * actual cost after it or releases everything when it fails, and records the run.
 */
public final class RunMetering {

  private final AccountStore accounts;
  private final CreditLedger ledger;
  private final RunHistory history;
  private final MonthlyGrants grants;
  private final PriceList prices;

  public RunMetering(
      AccountStore accounts,
      CreditLedger ledger,
      RunHistory history,
      MonthlyGrants grants,
      PriceList prices) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.history = Objects.requireNonNull(history, "history");
    this.grants = Objects.requireNonNull(grants, "grants");
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  public long quote(Duration limit) {
    return prices.quote(limit);
  }

  public long cost(Duration cpuTime) {
    return prices.cost(cpuTime);
  }

  /** Reserves the quote for run {@code runId}; 402 (PaymentRequiredException) when short. */
  public Mono<Hold> hold(AccountId caller, UUID runId, long quote) {
    return granted(caller)
        .then(ledger.hold(caller, quote, runId.toString()))
        .onErrorMap(
            InsufficientCreditsException.class,
            e -> new PaymentRequiredException(quote, e.balance()));
  }

  /** What the caller can spend, this month's grant included. */
  public Mono<Long> balance(AccountId caller) {
    return granted(caller).then(ledger.balance(caller));
  }

  public Mono<Void> settle(Hold hold, long cost, RunRecord run) {
    return ledger.settle(hold, cost).then(history.record(run));
  }

  public Mono<Void> release(Hold hold, RunRecord run) {
    return ledger.release(hold).then(history.record(run));
  }

  private Mono<Void> granted(AccountId caller) {
    return accounts
        .findById(caller)
        .switchIfEmpty(Mono.error(() -> new NotFoundException("no such account")))
        .flatMap(grants::ensureGranted);
  }

  /** For a caller that went away: the hold must not stay reserved. */
  public void releaseDetached(Hold hold) {
    ledger.release(hold).subscribe();
  }
}
