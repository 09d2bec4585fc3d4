package com.fmugateway.domain.service;

import com.fmugateway.domain.fixtures.FakePaymentProvider;
import com.fmugateway.domain.fixtures.FakeSimulator;
import com.fmugateway.domain.fixtures.InMemoryAccounts;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryCreditLedger;
import com.fmugateway.domain.fixtures.InMemoryPaymentRequirementLog;
import com.fmugateway.domain.fixtures.InMemoryPaymentSessions;
import com.fmugateway.domain.fixtures.InMemoryPaymentTokens;
import com.fmugateway.domain.fixtures.InMemoryRunHistory;
import com.fmugateway.domain.fixtures.InMemoryTransactions;
import com.fmugateway.domain.fixtures.InMemoryWebhookEventLog;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.model.account.Account;
import com.fmugateway.domain.model.account.AccountId;
import com.fmugateway.domain.model.account.ApiKey;
import com.fmugateway.domain.model.account.ApiKeyHasher;
import com.fmugateway.domain.model.account.ApiKeySecret;
import com.fmugateway.domain.model.account.Tier;
import com.fmugateway.domain.model.account.TierPolicy;
import com.fmugateway.domain.model.credit.PriceList;
import com.fmugateway.domain.model.fmu.FmuArtifact;
import com.fmugateway.domain.model.fmu.FmuId;
import com.fmugateway.domain.model.fmu.InspectedFmu;
import com.fmugateway.domain.model.fmu.ResolvedFmu;
import com.fmugateway.domain.model.fmu.Sha256;
import com.fmugateway.domain.model.payment.CreditPack;
import com.fmugateway.domain.model.payment.Money;
import com.fmugateway.domain.model.payment.PaymentMethod;
import com.fmugateway.domain.model.payment.PaymentTerms;
import com.fmugateway.domain.model.payment.PaymentTokenMint;
import com.fmugateway.domain.model.payment.ProviderId;
import com.fmugateway.domain.model.simulation.SimulationSettings;
import com.fmugateway.domain.port.in.HandleWebhookCommand;
import com.fmugateway.domain.port.out.PaymentProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Every payment service wired to in-memory fakes, a stopped clock and a fake provider (the sandbox,
 * serving both methods, unless a test adds others first): runs cost 10 credits, a run costs $1.00,
 * pack "10" is 100 credits for $8.00, accounts get {@code monthlyCredits} free.
 */
final class PaymentWorld {

  static final Duration SESSION_TTL = Duration.ofMinutes(60);
  static final Duration TOKEN_TTL = Duration.ofMinutes(30);
  static final FmuId MODEL = FmuId.library("AllTypes");

  final MutableClock clock;
  final FakePaymentProvider provider;
  final InMemoryAccounts accounts = new InMemoryAccounts();
  final InMemoryCreditLedger ledger;
  final InMemoryRunHistory history = new InMemoryRunHistory();
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final InMemoryPaymentSessions sessions = new InMemoryPaymentSessions();
  final InMemoryPaymentTokens tokens = new InMemoryPaymentTokens();
  final InMemoryPaymentRequirementLog requirements = new InMemoryPaymentRequirementLog();
  final InMemoryWebhookEventLog events = new InMemoryWebhookEventLog();
  final FakeSimulator simulator = new FakeSimulator();
  final PaymentTokenMint mint = new PaymentTokenMint(new ApiKeyHasher(new byte[32]));
  final PaymentTerms terms = standardTerms();

  final PaymentProviders providers;
  final Checkouts checkouts;
  final PaymentSettlement settlement;
  final CheckoutService checkoutService;
  final WebhookService webhooks;
  final PaymentReconciliationService reconciliation;
  final SimulateService simulate;

  PaymentWorld(long monthlyCredits) {
    this(monthlyCredits, MutableClock.atEpochDay(), List.of());
  }

  /** With providers of a test's own (on {@code clock}) ahead of the sandbox. */
  PaymentWorld(long monthlyCredits, MutableClock clock, List<PaymentProvider> more) {
    this.clock = clock;
    ledger = new InMemoryCreditLedger(clock);
    provider =
        new FakePaymentProvider(ProviderId.SANDBOX, EnumSet.allOf(PaymentMethod.class), clock);
    List<PaymentProvider> all = new ArrayList<>(more);
    all.add(provider);
    providers = new PaymentProviders(all);
    checkouts = new Checkouts(providers, sessions, terms, clock, audit);
    settlement =
        new PaymentSettlement(
            sessions,
            tokens,
            events,
            ledger,
            mint,
            TOKEN_TTL,
            new InMemoryTransactions(),
            clock,
            audit);
    checkoutService = new CheckoutService(checkouts, sessions, tokens, mint, clock);
    webhooks = new WebhookService(providers, sessions, settlement);
    reconciliation =
        new PaymentReconciliationService(
            providers,
            sessions,
            settlement,
            clock,
            Duration.ofMinutes(2),
            Duration.ofMinutes(1),
            50);
    MonthlyGrants grants =
        new MonthlyGrants(
            ledger, Map.of(Tier.FREE, new TierPolicy(Tier.FREE, monthlyCredits, 10)), clock, audit);
    RunMetering metering = new RunMetering(accounts, ledger, history, grants, new PriceList(10, 0));
    simulate =
        new SimulateService(
            (caller, id) -> Mono.just(resolved()),
            simulator,
            new SimulationSettings(Duration.ofSeconds(20), 1000, "test-1"),
            new RunPayments(
                metering, checkouts, sessions, tokens, history, audit, requirements, clock),
            clock);
  }

  static PaymentTerms standardTerms() {
    return new PaymentTerms(
        new Money(100, "usd"),
        List.of(
            new CreditPack("10", 10, 100, new Money(800, "usd")),
            new CreditPack("50", 50, 500, new Money(3500, "usd"))),
        SESSION_TTL,
        TOKEN_TTL,
        Duration.ofMinutes(5),
        "https://gw.example/paid?session_id={session_id}",
        "https://gw.example/cancelled");
  }

  AccountId newAccount() {
    Account account = new Account(AccountId.random(), clock.now());
    accounts
        .createWithKey(
            account,
            ApiKey.issue(
                account.id(), ApiKeySecret.generate(), new ApiKeyHasher(new byte[32]), clock.now()))
        .block();
    return account.id();
  }

  /** Posts a provider's delivery to the webhook use case, as the HTTP adapter would. */
  Mono<com.fmugateway.domain.model.payment.WebhookOutcome> deliver(
      FakePaymentProvider.Delivery delivery) {
    return webhooks.handle(
        new HandleWebhookCommand(
            delivery.event().provider().code(), delivery.body(), delivery.headers()));
  }

  private static ResolvedFmu resolved() {
    return new ResolvedFmu(
        new FmuArtifact(
            MODEL, new Sha256("a".repeat(64)), Path.of("/x.fmu"), Models.allTypes(), true),
        new InspectedFmu(Models.allTypes(), List.of("linux64")),
        Optional.empty());
  }
}
