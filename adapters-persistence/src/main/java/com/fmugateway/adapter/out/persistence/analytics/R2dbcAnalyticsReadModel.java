package com.fmugateway.adapter.out.persistence.analytics;

import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

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
import com.fmugateway.domain.analytics.port.out.AnalyticsReadModel;
import com.fmugateway.domain.checkout.model.PaymentPurpose;
import com.fmugateway.domain.shared.model.Money;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Operators' figures aggregated by PostgreSQL, one query per report; see {@link AnalyticsSql}. */
public final class R2dbcAnalyticsReadModel implements AnalyticsReadModel {

  private final DatabaseClient db;

  public R2dbcAnalyticsReadModel(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Flux<DailyActivity> daily(AnalyticsPeriod period) {
    return within(AnalyticsSql.DAILY, period)
        .bind("from", period.from())
        .bind("to", period.to())
        .map(
            row ->
                new DailyActivity(
                    row.get("day", LocalDate.class),
                    number(row, "runs"),
                    number(row, "succeeded"),
                    number(row, "failed"),
                    number(row, "accounts"),
                    number(row, "credits_spent")))
        .all();
  }

  @Override
  public Flux<CashReceipts> cash(AnalyticsPeriod period) {
    return within(AnalyticsSql.CASH, period)
        .map(
            row ->
                new CashReceipts(
                    row.get("day", LocalDate.class),
                    CashRail.valueOf(row.get("method", String.class)),
                    PaymentPurpose.valueOf(row.get("purpose", String.class)),
                    new Money(number(row, "amount"), row.get("currency", String.class)),
                    number(row, "payments")))
        .all();
  }

  @Override
  public Mono<AccountActivity> accounts(AnalyticsPeriod period) {
    return within(AnalyticsSql.ACCOUNTS, period)
        .map(
            row ->
                new AccountActivity(
                    number(row, "created"),
                    number(row, "active"),
                    number(row, "repeating"),
                    number(row, "paying")))
        .one();
  }

  @Override
  public Mono<Funnel> funnel(AnalyticsPeriod period) {
    return within(AnalyticsSql.FUNNEL, period)
        .map(
            row ->
                new Funnel(
                    List.of(
                        step(row, FunnelStage.PAYMENT_REQUIRED, "asked"),
                        step(row, FunnelStage.CHECKOUT_CREATED, "opened"),
                        step(row, FunnelStage.PAID, "paid"),
                        step(row, FunnelStage.SIMULATED, "used"))))
        .one();
  }

  @Override
  public Flux<ModelFailures> failuresByModel(AnalyticsPeriod period, int limit) {
    return within(AnalyticsSql.FAILURES_BY_MODEL, period)
        .bind("limit", limit)
        .map(
            row ->
                new ModelFailures(
                    row.get("fmu_id", String.class),
                    Optional.ofNullable(row.get("model_name", String.class)),
                    number(row, "runs"),
                    number(row, "failed")))
        .all();
  }

  @Override
  public Flux<CauseCount> failuresByCause(AnalyticsPeriod period) {
    return within(AnalyticsSql.FAILURES_BY_CAUSE, period)
        .map(row -> new CauseCount(row.get("cause", String.class), number(row, "failures")))
        .all();
  }

  @Override
  public Flux<ModelUsage> topModels(AnalyticsPeriod period, int limit) {
    return within(AnalyticsSql.TOP_MODELS, period)
        .bind("limit", limit)
        .map(
            row ->
                new ModelUsage(
                    row.get("fmu_id", String.class),
                    Optional.ofNullable(row.get("model_name", String.class)),
                    number(row, "runs"),
                    number(row, "succeeded"),
                    number(row, "accounts"),
                    number(row, "credits_spent")))
        .all();
  }

  private DatabaseClient.GenericExecuteSpec within(String sql, AnalyticsPeriod period) {
    return db.sql(sql).bind("start", utc(period.start())).bind("end", utc(period.end()));
  }

  private static FunnelStep step(Readable row, FunnelStage stage, String column) {
    return new FunnelStep(stage, number(row, column), number(row, column + "_accounts"));
  }

  private static long number(Readable row, String column) {
    return row.get(column, Long.class);
  }
}
