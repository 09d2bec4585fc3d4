package com.fmugateway.domain.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import com.fmugateway.domain.analytics.model.CashReceipts;
import com.fmugateway.domain.analytics.model.CauseCount;
import com.fmugateway.domain.analytics.model.DailyActivity;
import com.fmugateway.domain.analytics.model.Failures;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.FunnelStage;
import com.fmugateway.domain.analytics.model.FunnelStep;
import com.fmugateway.domain.analytics.model.ModelFailures;
import com.fmugateway.domain.analytics.model.ModelUsage;
import com.fmugateway.domain.analytics.model.Revenue;
import com.fmugateway.domain.analytics.model.Takings;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.fixtures.CannedAnalytics;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class AnalyticsServiceTest {

  private static final LocalDate JULY_1 = LocalDate.parse("2026-07-01");
  private static final LocalDate JULY_2 = LocalDate.parse("2026-07-02");
  private static final LocalDate JULY_3 = LocalDate.parse("2026-07-03");
  private static final AnalyticsPeriod THREE_DAYS = new AnalyticsPeriod(JULY_1, JULY_3);

  private final CannedAnalytics figures = new CannedAnalytics();
  // Late in the evening UTC: "today" is the UTC date, whatever the JVM's zone.
  private final MutableClock clock = new MutableClock(Instant.parse("2026-07-03T23:30:00Z"));
  private final AnalyticsService analytics = new AnalyticsService(figures, clock, "usd");

  @Test
  void givenNoDates_thePeriodIsTheLast30UtcDaysUpToToday() {
    assertThat(analytics.period(Optional.empty(), Optional.empty()).block())
        .isEqualTo(new AnalyticsPeriod(LocalDate.parse("2026-06-04"), JULY_3));
  }

  @Test
  void givenABadDate_periodFailsNamingTheField() {
    StepVerifier.create(analytics.period(Optional.of("July"), Optional.empty()))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        InvalidInputException.class, i -> assertThat(i.field()).isEqualTo("from")))
        .verify();
  }

  @Test
  void revenue_putsCashOnEveryDaySplitByRailAndPurpose_withCreditsApart() {
    figures
        .day(new DailyActivity(JULY_1, 3, 2, 1, 2, 20))
        .cash(receipts(JULY_1, PaymentMethod.CARD, PaymentPurpose.RUN, 200, 2))
        .cash(receipts(JULY_1, PaymentMethod.CRYPTO, PaymentPurpose.CREDIT_PACK, 800, 1))
        .cash(receipts(JULY_3, PaymentMethod.CARD, PaymentPurpose.CREDIT_PACK, 3500, 1));

    Revenue revenue = analytics.revenue(THREE_DAYS).block();

    assertThat(revenue.currencies()).containsExactly("usd");
    assertThat(revenue.days()).extracting(Revenue.Day::day).containsExactly(JULY_1, JULY_2, JULY_3);
    Takings first = revenue.days().get(0).cash().get(0);
    assertThat(first.card()).isEqualTo(usd(200));
    assertThat(first.crypto()).isEqualTo(usd(800));
    assertThat(first.runs()).isEqualTo(usd(200));
    assertThat(first.packs()).isEqualTo(usd(800));
    assertThat(first.total()).isEqualTo(usd(1000));
    assertThat(first.payments()).isEqualTo(3);
    assertThat(revenue.days().get(0).creditsSpent()).isEqualTo(20);
    assertThat(revenue.days().get(1).cash()).containsExactly(Takings.none("usd"));
    assertThat(revenue.days().get(1).creditsSpent()).isZero();
    assertThat(revenue.totals().get(0).total()).isEqualTo(usd(4500));
    assertThat(revenue.totals().get(0).packs()).isEqualTo(usd(4300));
    assertThat(revenue.creditsSpent()).isEqualTo(20);
  }

  @Test
  void revenue_keepsTheHomeCurrencyWithoutPayments_andNeverMixesAnother() {
    figures.cash(
        new CashReceipts(JULY_2, PaymentMethod.CARD, PaymentPurpose.RUN, new Money(90, "eur"), 1));

    Revenue revenue = analytics.revenue(THREE_DAYS).block();

    assertThat(revenue.currencies()).containsExactly("usd", "eur");
    assertThat(revenue.totals())
        .extracting(Takings::total)
        .containsExactly(usd(0), new Money(90, "eur"));
    assertThat(revenue.days().get(1).cash())
        .extracting(Takings::card)
        .containsExactly(usd(0), new Money(90, "eur"));
  }

  @Test
  void simulations_coverEveryDayOfThePeriodAskedFor() {
    figures.day(new DailyActivity(JULY_2, 5, 4, 1, 3, 40));

    assertThat(analytics.simulations(THREE_DAYS).collectList().block())
        .containsExactly(
            DailyActivity.none(JULY_1),
            new DailyActivity(JULY_2, 5, 4, 1, 3, 40),
            DailyActivity.none(JULY_3));
    assertThat(figures.periods()).containsOnly(THREE_DAYS);
  }

  @Test
  void funnel_convertsAccountsStepByStep() {
    figures.funnel(
        new Funnel(
            List.of(
                new FunnelStep(FunnelStage.PAYMENT_REQUIRED, 12, 8),
                new FunnelStep(FunnelStage.CHECKOUT_CREATED, 6, 4),
                new FunnelStep(FunnelStage.PAID, 3, 2),
                new FunnelStep(FunnelStage.SIMULATED, 0, 0))));

    Funnel funnel = analytics.funnel(THREE_DAYS).block();

    assertThat(funnel.conversion(FunnelStage.PAYMENT_REQUIRED)).isEmpty();
    assertThat(funnel.conversion(FunnelStage.CHECKOUT_CREATED)).hasValue(0.5);
    assertThat(funnel.conversion(FunnelStage.PAID)).hasValue(0.5);
    assertThat(funnel.conversion(FunnelStage.SIMULATED)).hasValue(0.0);
    assertThat(funnel.overall()).hasValue(0.0);
  }

  @Test
  void failures_giveEachCauseItsShareOfFailedRuns() {
    figures
        .failing(new ModelFailures("lib:VanDerPol", Optional.empty(), 4, 3))
        .cause(new CauseCount("TIMEOUT", 3))
        .cause(new CauseCount("CRASHED", 1));

    Failures failures = analytics.failures(THREE_DAYS).block();

    assertThat(failures.byModel().get(0).rate()).isEqualTo(0.75);
    assertThat(failures.failed()).isEqualTo(4);
    assertThat(failures.share(failures.byCause().get(0))).hasValue(0.75);
    assertThat(new Failures(List.of(), List.of()).failed()).isZero();
  }

  @Test
  void topModels_areTheTenMostRun() {
    IntStream.range(0, 12)
        .forEach(
            i -> figures.model(new ModelUsage("m" + i, Optional.empty(), 12 - i, 12 - i, 1, 0)));

    assertThat(analytics.topModels(THREE_DAYS).collectList().block())
        .hasSize(10)
        .first()
        .extracting(ModelUsage::fmuId)
        .isEqualTo("m0");
  }

  private static CashReceipts receipts(
      LocalDate day, PaymentMethod rail, PaymentPurpose purpose, long cents, long payments) {
    return new CashReceipts(day, rail, purpose, usd(cents), payments);
  }

  private static Money usd(long cents) {
    return new Money(cents, "usd");
  }
}
