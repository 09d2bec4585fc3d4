package com.fmugateway.adapter.in.portal.ops;

import com.fmugateway.domain.analytics.model.AccountActivity;
import com.fmugateway.domain.analytics.model.DailyActivity;
import com.fmugateway.domain.analytics.model.Funnel;
import com.fmugateway.domain.analytics.model.Revenue;
import com.fmugateway.domain.analytics.model.Takings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** One headline figure above the tables: a label (message key, with {@code arg}) and a value. */
public record TileView(String id, String key, String arg, String value) {

  /** Cash per currency, credits consumed, runs, failure rate, active accounts, conversion. */
  static List<TileView> headline(
      Revenue revenue, List<DailyActivity> days, AccountActivity accounts, Funnel funnel) {
    List<TileView> tiles = new ArrayList<>();
    for (Takings cash : revenue.totals()) {
      String currency = cash.currency().toUpperCase(Locale.ROOT);
      tiles.add(
          new TileView(
              "cash-" + cash.currency(), "ops.tile.cash", currency, cash.total().decimal()));
    }
    long runs = days.stream().mapToLong(DailyActivity::runs).sum();
    long failed = days.stream().mapToLong(DailyActivity::failed).sum();
    tiles.add(tile("credits", "ops.tile.credits", revenue.creditsSpent()));
    tiles.add(tile("runs", "ops.tile.runs", runs));
    tiles.add(
        new TileView(
            "failure-rate",
            "ops.tile.failureRate",
            null,
            CellView.rate(
                    runs == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) failed / runs))
                .text()));
    tiles.add(tile("active", "ops.tile.active", accounts.active()));
    tiles.add(
        new TileView(
            "conversion", "ops.tile.conversion", null, CellView.rate(funnel.overall()).text()));
    return tiles;
  }

  private static TileView tile(String id, String key, long value) {
    return new TileView(id, key, null, Long.toString(value));
  }
}
