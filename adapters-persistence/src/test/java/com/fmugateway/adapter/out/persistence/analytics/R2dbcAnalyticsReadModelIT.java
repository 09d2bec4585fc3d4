package com.fmugateway.adapter.out.persistence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.payment.R2dbcPaymentRequirementLog;
import com.fmugateway.adapter.out.persistence.payment.R2dbcPaymentSessions;
import com.fmugateway.adapter.out.persistence.payment.R2dbcX402PaymentLog;
import com.fmugateway.adapter.out.persistence.run.R2dbcRunHistory;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.analytics.model.AccountActivity;
import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.CashRail;
import com.fmugateway.domain.analytics.model.CashReceipts;
import com.fmugateway.domain.analytics.model.CauseCount;
import com.fmugateway.domain.analytics.model.DailyActivity;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.FunnelStage;
import com.fmugateway.domain.analytics.model.FunnelStep;
import com.fmugateway.domain.analytics.model.ModelFailures;
import com.fmugateway.domain.analytics.model.ModelUsage;
import com.fmugateway.domain.billing.model.PaymentRequirement;
import com.fmugateway.domain.billing.model.X402Claim;
import com.fmugateway.domain.billing.model.X402PaymentState;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.fixtures.PaymentSessions;
import com.fmugateway.domain.fixtures.X402PaymentLogContract;
import com.fmugateway.domain.shared.model.Money;
import com.fmugateway.domain.simulation.model.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analytics SQL on real PostgreSQL, from rows seeded at chosen instants. Each test works in a
 * month of its own, so the tests do not see each other's rows.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcAnalyticsReadModelIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcAnalyticsReadModel figures;
  @Autowired R2dbcAccounts accounts;
  @Autowired R2dbcRunHistory runs;
  @Autowired R2dbcPaymentSessions sessions;
  @Autowired R2dbcPaymentRequirementLog requirements;
  @Autowired DatabaseClient db;
  @Autowired R2dbcX402PaymentLog x402Log;

  @Test
  void daily_hasEveryDayOfThePeriod_zerosIncluded_andBothBoundaryDaysWhole() {
    AccountId alice = account("2025-01-01T00:00:00Z");
    AccountId bob = account("2025-01-01T00:00:00Z");
    run(alice, "lib:BouncingBall", "2025-02-28T23:59:59.999Z", null, 10);
    run(alice, "lib:BouncingBall", "2025-03-01T00:00:00Z", null, 10);
    run(bob, "lib:BouncingBall", "2025-03-01T12:00:00Z", "TIMEOUT", 0);
    run(alice, "lib:VanDerPol", "2025-03-03T23:59:59.999Z", null, 7);
    run(alice, "lib:BouncingBall", "2025-03-04T00:00:00Z", null, 10);
    capture(alice, 10, "2025-03-01T00:00:01Z");
    capture(alice, 7, "2025-03-03T23:59:59.999Z");
    capture(alice, 10, "2025-03-04T00:00:00Z");

    assertThat(figures.daily(period("2025-03-01", "2025-03-03")).collectList().block())
        .containsExactly(
            new DailyActivity(day("2025-03-01"), 2, 1, 1, 2, 10),
            DailyActivity.none(day("2025-03-02")),
            new DailyActivity(day("2025-03-03"), 1, 1, 0, 1, 7));
  }

  @Test
  void cash_countsPaidCheckoutsOnTheDayPaid_perRailPurposeAndCurrency() {
    AccountId alice = account("2025-01-01T00:00:00Z");
    paid(PaymentSessions.run(alice, at("2025-03-31T23:00:00Z")), "2025-04-01T00:00:00Z");
    paid(PaymentSessions.run(alice, at("2025-04-01T09:00:00Z")), "2025-04-01T09:01:00Z");
    paid(PaymentSessions.pack(alice, at("2025-04-03T10:00:00Z"), 100), "2025-04-03T23:59:59Z");
    paid(inEuros(PaymentSessions.run(alice, at("2025-04-02T10:00:00Z"))), "2025-04-02T10:00:00Z");
    paid(PaymentSessions.run(alice, at("2025-04-03T10:00:00Z")), "2025-04-04T00:00:00Z");
    sessions.add(PaymentSessions.run(alice, at("2025-04-02T10:00:00Z"))).block();
    PaymentSession expired =
        sessions.add(PaymentSessions.run(alice, at("2025-04-02T11:00:00Z"))).block();
    sessions
        .settle(
            expired.id(),
            PaymentStatus.PENDING.to(PaymentStatus.EXPIRED),
            at("2025-04-02T12:00:00Z"))
        .block();

    assertThat(figures.cash(period("2025-04-01", "2025-04-03")).collectList().block())
        .containsExactly(
            new CashReceipts(
                day("2025-04-01"), PaymentMethod.CARD, PaymentPurpose.RUN, usd(200), 2),
            new CashReceipts(
                day("2025-04-02"),
                PaymentMethod.CARD,
                PaymentPurpose.RUN,
                new Money(100, "eur"),
                1),
            new CashReceipts(
                day("2025-04-03"), PaymentMethod.CRYPTO, PaymentPurpose.CREDIT_PACK, usd(800), 1));
  }

  @Test
  void cash_countsSettledX402PaymentsOnTheirOwnRail_andTheirPayersAsPaying() {
    AccountId agent = account("2025-07-01T00:00:00Z");
    x402(agent, "2025-07-02T10:00:00Z", X402PaymentState.SETTLED);
    x402(agent, "2025-07-02T11:00:00Z", X402PaymentState.SETTLED);
    x402(agent, "2025-07-02T12:00:00Z", X402PaymentState.RUN_FAILED);
    x402(agent, "2025-07-02T13:00:00Z", X402PaymentState.SETTLE_FAILED);

    assertThat(figures.cash(period("2025-07-01", "2025-07-03")).collectList().block())
        .containsExactly(
            new CashReceipts(day("2025-07-02"), CashRail.X402, PaymentPurpose.RUN, usd(200), 2));
    assertThat(figures.accounts(period("2025-07-01", "2025-07-03")).block().paying()).isEqualTo(1);
  }

  private void x402(AccountId account, String at, X402PaymentState end) {
    String key = UUID.randomUUID().toString();
    x402Log
        .claim(
            new X402Claim(
                key,
                account,
                UUID.randomUUID(),
                "0xpayer",
                X402PaymentLogContract.TERMS,
                usd(100),
                at(at).minusSeconds(5)))
        .block();
    x402Log.end(key, end, Optional.of("0xtx"), Optional.empty(), at(at)).block();
  }

  @Test
  void accounts_newActiveRepeatAndPaying() {
    AccountId regular = account("2025-05-02T08:00:00Z");
    AccountId onceADay = account("2025-04-30T23:59:59Z");
    AccountId payer = account("2025-05-31T23:59:59Z");
    account("2025-06-01T00:00:00Z");
    run(regular, "lib:BouncingBall", "2025-05-02T09:00:00Z", null, 10);
    run(regular, "lib:BouncingBall", "2025-05-20T09:00:00Z", "CRASHED", 0);
    run(onceADay, "lib:BouncingBall", "2025-05-10T09:00:00Z", null, 10);
    run(onceADay, "lib:BouncingBall", "2025-05-10T21:00:00Z", null, 10);
    run(onceADay, "lib:BouncingBall", "2025-06-01T00:00:00Z", null, 10);
    paid(PaymentSessions.pack(payer, at("2025-05-31T23:59:59Z"), 100), "2025-05-31T23:59:59Z");

    assertThat(figures.accounts(period("2025-05-01", "2025-05-31")).block())
        .isEqualTo(new AccountActivity(2, 2, 1, 1));
  }

  @Test
  void funnel_followsTheAccountsAskedToPay() {
    AccountId agent = account("2025-06-01T00:00:00Z");
    AccountId browser = account("2025-06-01T00:00:00Z");
    AccountId packBuyer = account("2025-06-01T00:00:00Z");
    AccountId prepaid = account("2025-06-01T00:00:00Z");
    AccountId earlier = account("2025-06-01T00:00:00Z");
    // The agent asks for a quote, gets a 402 with a checkout, pays it and runs with the token.
    asked(agent, "2025-07-02T10:00:00Z", Optional.empty(), true);
    PaymentSession agentRun =
        paid(PaymentSessions.run(agent, at("2025-07-02T10:01:00Z")), "2025-07-02T10:02:00Z");
    asked(agent, "2025-07-02T10:01:00.5Z", Optional.of(agentRun), false);
    consumedToken(agentRun, "2025-07-02T10:03:00Z");
    // Someone never pays the checkout of their 402.
    PaymentSession unpaid =
        sessions.add(PaymentSessions.run(browser, at("2025-07-03T10:00:00Z"))).block();
    asked(browser, "2025-07-03T10:00:00.5Z", Optional.of(unpaid), false);
    // Another gets a 402 without a checkout, buys a pack afterwards and runs on credits.
    asked(packBuyer, "2025-07-05T10:00:00Z", Optional.empty(), false);
    paid(PaymentSessions.pack(packBuyer, at("2025-07-06T10:00:00Z"), 100), "2025-07-06T10:05:00Z");
    run(packBuyer, "lib:BouncingBall", "2025-07-07T10:00:00Z", null, 10);
    // Outside the funnel: paying up front without a 402, and a 402 before the period.
    paid(PaymentSessions.run(prepaid, at("2025-07-08T10:00:00Z")), "2025-07-08T10:01:00Z");
    asked(earlier, "2025-06-30T23:59:59Z", Optional.empty(), true);

    Funnel funnel = figures.funnel(period("2025-07-01", "2025-07-31")).block();

    assertThat(funnel.steps())
        .containsExactly(
            new FunnelStep(FunnelStage.PAYMENT_REQUIRED, 4, 3),
            new FunnelStep(FunnelStage.CHECKOUT_CREATED, 3, 3),
            new FunnelStep(FunnelStage.PAID, 2, 2),
            new FunnelStep(FunnelStage.SIMULATED, 2, 2));
  }

  @Test
  void failuresAndTopModels_byModelAndCause_withUploadedModelsNamed() {
    AccountId alice = account("2025-01-01T00:00:00Z");
    AccountId bob = account("2025-01-01T00:00:00Z");
    String upload = upload(alice, "Pendulum");
    run(alice, "lib:VanDerPol", "2025-09-01T10:00:00Z", "TIMEOUT", 0);
    run(alice, "lib:VanDerPol", "2025-09-02T10:00:00Z", "CRASHED", 0);
    run(alice, "lib:VanDerPol", "2025-09-03T10:00:00Z", null, 10);
    run(bob, "lib:Counter", "2025-09-04T10:00:00Z", "TIMEOUT", 0);
    run(alice, upload, "2025-09-05T10:00:00Z", null, 10);
    run(bob, upload, "2025-09-06T10:00:00Z", null, 12);
    run(bob, "lib:Counter", "2025-10-01T00:00:00Z", "TIMEOUT", 0);
    AnalyticsPeriod september = period("2025-09-01", "2025-09-30");

    assertThat(figures.failuresByModel(september, 10).collectList().block())
        .containsExactly(
            new ModelFailures("lib:VanDerPol", Optional.empty(), 3, 2),
            new ModelFailures("lib:Counter", Optional.empty(), 1, 1));
    assertThat(figures.failuresByCause(september).collectList().block())
        .containsExactly(new CauseCount("TIMEOUT", 2), new CauseCount("CRASHED", 1));
    assertThat(figures.topModels(september, 2).collectList().block())
        .containsExactly(
            new ModelUsage("lib:VanDerPol", Optional.empty(), 3, 1, 1, 10),
            new ModelUsage(upload, Optional.of("Pendulum"), 2, 2, 2, 22));
  }

  @Test
  void anEmptyPeriod_isAllZeros() {
    AnalyticsPeriod quiet = period("2024-01-01", "2024-01-02");

    assertThat(figures.daily(quiet).collectList().block()).hasSize(2).allMatch(d -> d.runs() == 0);
    assertThat(figures.cash(quiet).collectList().block()).isEmpty();
    assertThat(figures.accounts(quiet).block()).isEqualTo(new AccountActivity(0, 0, 0, 0));
    assertThat(figures.funnel(quiet).block().steps()).allMatch(s -> s.count() == 0);
    assertThat(figures.failuresByCause(quiet).collectList().block()).isEmpty();
    assertThat(figures.topModels(quiet, 10).collectList().block()).isEmpty();
  }

  private AccountId account(String createdAt) {
    return TestAccounts.create(accounts, at(createdAt));
  }

  private void run(AccountId account, String fmuId, String at, String failure, long cost) {
    runs.record(
            new RunRecord(
                UUID.randomUUID(),
                account,
                fmuId,
                Optional.empty(),
                "a".repeat(64),
                "cs",
                failure == null ? RunRecord.RunStatus.SUCCEEDED : RunRecord.RunStatus.FAILED,
                Optional.ofNullable(failure),
                10,
                cost,
                Duration.ofMillis(5),
                Duration.ofMillis(9),
                at(at),
                Optional.empty()))
        .block();
  }

  /** A run's capture as the ledger writes it, at a chosen instant. */
  private void capture(AccountId account, long credits, String at) {
    db.sql(
            "INSERT INTO ledger_entries (account_id, kind, amount, idempotency_key, reference,"
                + " created_at) VALUES (:a, 'CAPTURE', :amount, :k, 'run', :at)")
        .bind("a", account.value())
        .bind("amount", -credits)
        .bind("k", "capture:" + UUID.randomUUID())
        .bind("at", at(at).atOffset(ZoneOffset.UTC))
        .then()
        .block();
  }

  private PaymentSession paid(PaymentSession session, String paidAt) {
    sessions.add(session).block();
    sessions.settle(session.id(), PaymentStatus.PENDING.to(PaymentStatus.PAID), at(paidAt)).block();
    return session;
  }

  private void consumedToken(PaymentSession session, String at) {
    db.sql(
            "INSERT INTO payment_tokens (token_hash, session_id, account_id, seed, state, ready_at,"
                + " expires_at, consumed_at, run_id)"
                + " VALUES (:h, :s, :a, 'seed', 'CONSUMED', :at, :at, :at, :run)")
        .bind("h", "h" + UUID.randomUUID())
        .bind("s", session.id().value())
        .bind("a", session.account().value())
        .bind("at", at(at).atOffset(ZoneOffset.UTC))
        .bind("run", UUID.randomUUID())
        .then()
        .block();
  }

  private void asked(
      AccountId account, String at, Optional<PaymentSession> checkout, boolean quoteOnly) {
    requirements
        .record(
            new PaymentRequirement(
                account,
                "lib:BouncingBall",
                at(at),
                10,
                0,
                Optional.of(usd(100)),
                checkout.map(PaymentSession::id),
                quoteOnly))
        .block();
  }

  private String upload(AccountId owner, String modelName) {
    String id = UUID.randomUUID().toString();
    db.sql(
            "INSERT INTO fmus (id, account_id, sha256, model_name, fmi_version, size_bytes,"
                + " created_at) VALUES (:id, :a, :sha, :name, '2.0', 1, now())")
        .bind("id", id)
        .bind("a", owner.value())
        .bind("sha", "b".repeat(64))
        .bind("name", modelName)
        .then()
        .block();
    return id;
  }

  private static PaymentSession inEuros(PaymentSession session) {
    return new PaymentSession(
        session.id(),
        session.account(),
        session.purpose(),
        session.packId(),
        session.credits(),
        session.fmuId(),
        new Money(100, "eur"),
        session.method(),
        session.provider(),
        session.providerSessionId(),
        session.checkoutUrl(),
        session.status(),
        session.fingerprint(),
        session.createdAt(),
        session.expiresAt());
  }

  private static AnalyticsPeriod period(String from, String to) {
    return new AnalyticsPeriod(day(from), day(to));
  }

  private static LocalDate day(String date) {
    return LocalDate.parse(date);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static Money usd(long cents) {
    return new Money(cents, "usd");
  }
}
