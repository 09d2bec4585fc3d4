package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Grants each account its tier's credits once per calendar month (UTC). The ledger's idempotency
 * key {@code grant:<yyyy-mm>} makes the grant happen once however many requests or gateway
 * instances ask at the same time; an account known to be granted this month is not asked again. The
 * grant and its audit event are one transaction: one durable commit on the account's first request
 * of the month, and never a grant the audit does not show, nor an event without its grant. An
 * account granted before that this gateway does not remember yet costs that transaction's
 * statements, no fsync (nothing is written), once per gateway and month.
 */
final class MonthlyGrants {

  /** Accounts remembered as granted this month; past this many it starts again (a bound). */
  static final int MAX_REMEMBERED = 100_000;

  private final CreditLedger ledger;
  private final Map<Tier, TierPolicy> policies;
  private final Clock clock;
  private final AuditLog audit;
  private final Transactions transactions;
  private final Set<Granted> granted = ConcurrentHashMap.newKeySet();

  MonthlyGrants(
      CreditLedger ledger,
      Map<Tier, TierPolicy> policies,
      Clock clock,
      AuditLog audit,
      Transactions transactions) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.policies = Map.copyOf(policies);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
  }

  Mono<Void> ensureGranted(AccountId account, Tier tier) {
    long credits = policy(tier).monthlyCredits();
    if (credits == 0) {
      return Mono.empty();
    }
    YearMonth period = period();
    if (granted.contains(new Granted(account, period))) {
      return Mono.empty();
    }
    Mono<Boolean> grant =
        ledger
            .credit(
                account,
                EntryKind.GRANT,
                credits,
                LedgerKey.grant(period),
                "tier " + tier.name().toLowerCase() + " " + period)
            .flatMap(
                written ->
                    written
                        ? audit
                            .record(
                                AuditEvent.by(
                                        account, clock.now(), "credits.granted", period.toString())
                                    .with("credits", Long.toString(credits)))
                            .thenReturn(true)
                        : Mono.just(false));
    // Remembered once committed: a grant rolled back with its audit event is still due.
    return transactions
        .atomically(grant)
        .doOnNext(written -> remember(new Granted(account, period)))
        .then();
  }

  /** Once the ledger holds a month's grant it always will (it is append-only): asked once. */
  private void remember(Granted grant) {
    if (granted.size() >= MAX_REMEMBERED) {
      granted.clear();
    }
    granted.add(grant);
  }

  private record Granted(AccountId account, YearMonth period) {}

  TierPolicy policy(Tier tier) {
    TierPolicy policy = policies.get(tier);
    if (policy == null) {
      throw new IllegalStateException("no policy configured for tier " + tier);
    }
    return policy;
  }

  YearMonth period() {
    return YearMonth.from(clock.now().atOffset(ZoneOffset.UTC));
  }

  Instant periodStart() {
    return period().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
