package com.fmugateway.domain.service;

import com.fmugateway.domain.model.account.Account;
import com.fmugateway.domain.model.account.Tier;
import com.fmugateway.domain.model.account.TierPolicy;
import com.fmugateway.domain.model.audit.AuditEvent;
import com.fmugateway.domain.model.credit.EntryKind;
import com.fmugateway.domain.port.out.AuditLog;
import com.fmugateway.domain.port.out.Clock;
import com.fmugateway.domain.port.out.CreditLedger;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Grants each account its tier's credits once per calendar month (UTC). The ledger's idempotency
 * key {@code grant:<yyyy-mm>} makes the grant happen once however many requests or gateway
 * instances ask at the same time.
 */
public final class MonthlyGrants {

  private final CreditLedger ledger;
  private final Map<Tier, TierPolicy> policies;
  private final Clock clock;
  private final AuditLog audit;

  public MonthlyGrants(
      CreditLedger ledger, Map<Tier, TierPolicy> policies, Clock clock, AuditLog audit) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.policies = Map.copyOf(policies);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  public Mono<Void> ensureGranted(Account account) {
    long credits = policy(account.tier()).monthlyCredits();
    if (credits == 0) {
      return Mono.empty();
    }
    YearMonth period = period();
    return ledger
        .credit(
            account.id(),
            EntryKind.GRANT,
            credits,
            "grant:" + period,
            "tier " + account.tier().name().toLowerCase() + " " + period)
        .filter(granted -> granted)
        .flatMap(
            granted ->
                audit.record(
                    AuditEvent.by(account.id(), clock.now(), "credits.granted", period.toString())
                        .with("credits", Long.toString(credits))));
  }

  public TierPolicy policy(Tier tier) {
    TierPolicy policy = policies.get(tier);
    if (policy == null) {
      throw new IllegalStateException("no policy configured for tier " + tier);
    }
    return policy;
  }

  public YearMonth period() {
    return YearMonth.from(clock.now().atOffset(ZoneOffset.UTC));
  }

  public Instant periodStart() {
    return period().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
