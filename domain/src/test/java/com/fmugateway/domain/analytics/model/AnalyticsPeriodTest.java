package com.fmugateway.domain.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalyticsPeriodTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-07-15");

  @Test
  void givenNoDates_theLast30DaysUpToTodayAreCovered() {
    AnalyticsPeriod period = parse(null, null);

    assertThat(period).isEqualTo(new AnalyticsPeriod(LocalDate.parse("2026-06-16"), TODAY));
    assertThat(period.days()).isEqualTo(30);
    assertThat(parse(" ", "")).isEqualTo(period);
  }

  @Test
  void givenOnlyTo_theDefaultSpanEndsThere_andGivenOnlyFrom_itRunsToToday() {
    assertThat(parse(null, "2026-03-31"))
        .isEqualTo(
            new AnalyticsPeriod(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-31")));
    assertThat(parse("2026-07-01", null))
        .isEqualTo(new AnalyticsPeriod(LocalDate.parse("2026-07-01"), TODAY));
  }

  @Test
  void bothDaysAreIncluded_asWholeUtcDays() {
    AnalyticsPeriod oneDay = parse("2026-07-01", "2026-07-01");

    assertThat(oneDay.days()).isEqualTo(1);
    assertThat(oneDay.dates()).containsExactly(LocalDate.parse("2026-07-01"));
    assertThat(oneDay.start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(oneDay.end()).isEqualTo(Instant.parse("2026-07-02T00:00:00Z"));
  }

  @Test
  void malformedDates_nameTheirField() {
    assertField(() -> parse("01/07/2026", null), "from");
    assertField(() -> parse("2026-07-01", "yesterday"), "to");
    assertField(() -> parse(null, "2026-02-30"), "to");
    assertField(() -> parse("+12026-07-01", null), "from");
  }

  @Test
  void fromAfterTo_orMoreThan366Days_isRefusedNamingFrom() {
    assertField(() -> parse("2026-07-02", "2026-07-01"), "from");
    assertThat(parse("2025-07-15", "2026-07-15").days()).isEqualTo(366);
    assertThatThrownBy(() -> parse("2025-07-14", "2026-07-15"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 366 days");
  }

  private static AnalyticsPeriod parse(String from, String to) {
    return AnalyticsPeriod.parse(Optional.ofNullable(from), Optional.ofNullable(to), TODAY);
  }

  private static void assertField(Runnable parse, String field) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
