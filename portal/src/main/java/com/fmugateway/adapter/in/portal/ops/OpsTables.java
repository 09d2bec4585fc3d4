package com.fmugateway.adapter.in.portal.ops;

import com.fmugateway.domain.analytics.model.AccountActivity;
import com.fmugateway.domain.analytics.model.CauseCount;
import com.fmugateway.domain.analytics.model.DailyActivity;
import com.fmugateway.domain.analytics.model.Failures;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.FunnelStep;
import com.fmugateway.domain.analytics.model.ModelFailures;
import com.fmugateway.domain.analytics.model.ModelUsage;
import com.fmugateway.domain.analytics.model.Revenue;
import com.fmugateway.domain.analytics.model.Takings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The operator pages' tables, built from the analytics reports. */
final class OpsTables {

  static final List<String> NAMES =
      List.of(
          "revenue",
          "simulations",
          "accounts",
          "funnel",
          "failures-by-model",
          "failures-by-cause",
          "models");

  private OpsTables() {}

  /** Cash per currency by rail and purpose, and credits; only the first currency is plotted. */
  static TableView revenue(Revenue revenue) {
    List<ColumnView> columns = new ArrayList<>();
    columns.add(ColumnView.text("day", "ops.col.day"));
    for (String currency : revenue.currencies()) {
      boolean plotted = currency.equals(revenue.currencies().get(0));
      String upper = currency.toUpperCase(Locale.ROOT);
      columns.add(money("card_" + currency, "ops.col.card", plotted).in(upper));
      columns.add(money("crypto_" + currency, "ops.col.crypto", plotted).in(upper));
      columns.add(money("x402_" + currency, "ops.col.x402", plotted).in(upper));
      columns.add(money("runs_" + currency, "ops.col.runs", false).in(upper));
      columns.add(money("packs_" + currency, "ops.col.packs", false).in(upper));
      columns.add(money("total_" + currency, "ops.col.total", false).in(upper));
    }
    columns.add(ColumnView.plotted("credits_spent", "ops.col.creditsSpent").onSecondAxis());
    List<List<CellView>> rows = new ArrayList<>();
    for (Revenue.Day day : revenue.days()) {
      rows.add(revenueRow(CellView.of(day.day().toString()), day.cash(), day.creditsSpent()));
    }
    List<CellView> totals =
        revenueRow(CellView.label("ops.total", "total"), revenue.totals(), revenue.creditsSpent());
    return TableView.of("revenue", columns, rows).withTotals(totals).charted("bar");
  }

  static TableView simulations(List<DailyActivity> days) {
    List<ColumnView> columns =
        List.of(
            ColumnView.text("day", "ops.col.day"),
            ColumnView.plotted("runs", "ops.col.runs.count"),
            ColumnView.plotted("succeeded", "ops.col.succeeded"),
            ColumnView.plotted("failed", "ops.col.failed"),
            ColumnView.of("accounts", "ops.col.accounts"),
            ColumnView.of("credits_spent", "ops.col.creditsSpent"));
    List<List<CellView>> rows =
        days.stream()
            .map(
                d ->
                    List.of(
                        CellView.of(d.day().toString()),
                        CellView.of(d.runs()),
                        CellView.of(d.succeeded()),
                        CellView.of(d.failed()),
                        CellView.of(d.accounts()),
                        CellView.of(d.creditsSpent())))
            .toList();
    List<CellView> totals =
        List.of(
            CellView.label("ops.total", "total"),
            CellView.of(days.stream().mapToLong(DailyActivity::runs).sum()),
            CellView.of(days.stream().mapToLong(DailyActivity::succeeded).sum()),
            CellView.of(days.stream().mapToLong(DailyActivity::failed).sum()),
            CellView.of(""),
            CellView.of(days.stream().mapToLong(DailyActivity::creditsSpent).sum()));
    return TableView.of("simulations", columns, rows).withTotals(totals).charted("line");
  }

  static TableView accounts(AccountActivity a) {
    List<ColumnView> columns =
        List.of(
            ColumnView.text("measure", "ops.col.measure"),
            ColumnView.of("accounts", "ops.col.accounts"));
    return TableView.of(
        "accounts",
        columns,
        List.of(
            List.of(CellView.label("ops.accounts.created", "created"), CellView.of(a.created())),
            List.of(CellView.label("ops.accounts.active", "active"), CellView.of(a.active())),
            List.of(CellView.label("ops.accounts.repeat", "repeat"), CellView.of(a.repeat())),
            List.of(CellView.label("ops.accounts.paying", "paying"), CellView.of(a.paying()))));
  }

  static TableView funnel(Funnel funnel) {
    List<ColumnView> columns =
        List.of(
            ColumnView.text("step", "ops.col.step"),
            ColumnView.of("count", "ops.col.count"),
            ColumnView.plotted("accounts", "ops.col.accounts"),
            ColumnView.of("conversion", "ops.col.conversion"));
    List<List<CellView>> rows = new ArrayList<>();
    for (FunnelStep step : funnel.steps()) {
      String code = step.stage().code();
      rows.add(
          List.of(
              CellView.label("ops.funnel." + code, code),
              CellView.of(step.count()),
              CellView.of(step.accounts()),
              CellView.rate(funnel.conversion(step.stage()))));
    }
    return TableView.of("funnel", columns, rows).charted("bar");
  }

  static TableView failuresByModel(Failures failures) {
    List<ColumnView> columns =
        List.of(
            ColumnView.text("fmu_id", "ops.col.model"),
            ColumnView.text("model_name", "ops.col.modelName"),
            ColumnView.of("runs", "ops.col.runs.count"),
            ColumnView.of("failed", "ops.col.failed"),
            ColumnView.of("failure_rate", "ops.col.failureRate"));
    List<List<CellView>> rows = new ArrayList<>();
    for (ModelFailures m : failures.byModel()) {
      rows.add(
          List.of(
              CellView.of(m.fmuId()),
              CellView.of(m.modelName().orElse("")),
              CellView.of(m.runs()),
              CellView.of(m.failed()),
              CellView.rate(OptionalDouble.of(m.rate()))));
    }
    return TableView.of("failures-by-model", columns, rows);
  }

  static TableView failuresByCause(Failures failures) {
    List<ColumnView> columns =
        List.of(
            ColumnView.text("cause", "ops.col.cause"),
            ColumnView.plotted("failures", "ops.col.failed"),
            ColumnView.of("share", "ops.col.share"));
    List<List<CellView>> rows = new ArrayList<>();
    for (CauseCount cause : failures.byCause()) {
      rows.add(
          List.of(
              CellView.of(cause.cause().toLowerCase(Locale.ROOT)),
              CellView.of(cause.failures()),
              CellView.rate(failures.share(cause))));
    }
    return TableView.of("failures-by-cause", columns, rows).charted("doughnut");
  }

  static TableView models(List<ModelUsage> models) {
    List<ColumnView> columns =
        List.of(
            ColumnView.text("fmu_id", "ops.col.model"),
            ColumnView.text("model_name", "ops.col.modelName"),
            ColumnView.plotted("runs", "ops.col.runs.count"),
            ColumnView.of("succeeded", "ops.col.succeeded"),
            ColumnView.of("accounts", "ops.col.accounts"),
            ColumnView.of("credits_spent", "ops.col.creditsSpent"));
    List<List<CellView>> rows =
        models.stream()
            .map(
                m ->
                    List.of(
                        CellView.of(m.fmuId()),
                        CellView.of(m.modelName().orElse("")),
                        CellView.of(m.runs()),
                        CellView.of(m.succeeded()),
                        CellView.of(m.accounts()),
                        CellView.of(m.creditsSpent())))
            .toList();
    return TableView.of("models", columns, rows).charted("bar").horizontally();
  }

  private static ColumnView money(String id, String key, boolean plotted) {
    return plotted ? ColumnView.plotted(id, key) : ColumnView.of(id, key);
  }

  private static List<CellView> revenueRow(CellView label, List<Takings> cash, long credits) {
    List<CellView> row = new ArrayList<>();
    row.add(label);
    for (Takings t : cash) {
      row.add(CellView.money(t.card()));
      row.add(CellView.money(t.crypto()));
      row.add(CellView.money(t.x402()));
      row.add(CellView.money(t.runs()));
      row.add(CellView.money(t.packs()));
      row.add(CellView.money(t.total()));
    }
    row.add(CellView.of(credits));
    return row;
  }
}
