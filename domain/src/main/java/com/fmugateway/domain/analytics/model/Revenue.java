package com.fmugateway.domain.analytics.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the gateway took in, day by day: cash received by card and crypto, per currency and never
 * mixed across currencies, and apart from it the prepaid credits that runs consumed, which are not
 * cash (that was received when the credits were bought).
 */
public record Revenue(List<String> currencies, List<Day> days) {

  /** One day: takings per currency, in the order of {@link #currencies}, and credits consumed. */
  public record Day(LocalDate day, List<Takings> cash, long creditsSpent) {

    public Day {
      Objects.requireNonNull(day, "day");
      cash = List.copyOf(cash);
    }
  }

  public Revenue {
    currencies = List.copyOf(currencies);
    days = List.copyOf(days);
  }

  /**
   * The days of {@code activity}, each with its receipts; {@code currency} (the one prices are set
   * in) always has a column, others only when money arrived in them.
   */
  public static Revenue of(
      List<DailyActivity> activity, List<CashReceipts> receipts, String currency) {
    TreeSet<String> others = new TreeSet<>();
    receipts.forEach(r -> others.add(r.amount().currency()));
    others.remove(currency);
    List<String> currencies = new ArrayList<>();
    currencies.add(currency);
    currencies.addAll(others);

    Map<LocalDate, Map<String, Takings>> byDay = new LinkedHashMap<>();
    for (CashReceipts r : receipts) {
      byDay
          .computeIfAbsent(r.day(), d -> new LinkedHashMap<>())
          .merge(r.amount().currency(), Takings.none(r.amount().currency()).plus(r), Takings::plus);
    }
    List<Day> days = new ArrayList<>();
    for (DailyActivity a : activity) {
      Map<String, Takings> taken = byDay.getOrDefault(a.day(), Map.of());
      days.add(
          new Day(
              a.day(),
              currencies.stream().map(c -> taken.getOrDefault(c, Takings.none(c))).toList(),
              a.creditsSpent()));
    }
    return new Revenue(currencies, days);
  }

  /** The period's takings per currency, in the order of {@link #currencies}. */
  public List<Takings> totals() {
    List<Takings> totals = new ArrayList<>();
    for (int i = 0; i < currencies.size(); i++) {
      Takings sum = Takings.none(currencies.get(i));
      for (Day day : days) {
        sum = sum.plus(day.cash().get(i));
      }
      totals.add(sum);
    }
    return totals;
  }

  public long creditsSpent() {
    return days.stream().mapToLong(Day::creditsSpent).sum();
  }
}
