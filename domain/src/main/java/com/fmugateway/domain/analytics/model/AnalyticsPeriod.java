package com.fmugateway.domain.analytics.model;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The whole UTC days an analytics report covers, {@code from} and {@code to} both included: at most
 * {@value #MAX_DAYS} days, the last {@value #DEFAULT_DAYS} days up to today by default.
 */
public record AnalyticsPeriod(LocalDate from, LocalDate to) {

  public static final int MAX_DAYS = 366;
  public static final int DEFAULT_DAYS = 30;

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  public AnalyticsPeriod {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new InvalidInputException("from", "must not be after to (" + to + ")");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new InvalidInputException(
          "from", "the period may cover at most " + MAX_DAYS + " days; this one covers " + days);
    }
  }

  /**
   * The period as a caller typed it: {@code to} defaults to {@code today}, {@code from} to {@value
   * #DEFAULT_DAYS} days ending on {@code to}; blank counts as absent.
   */
  public static AnalyticsPeriod parse(Optional<String> from, Optional<String> to, LocalDate today) {
    LocalDate last = date("to", to).orElse(today);
    LocalDate first = date("from", from).orElse(last.minusDays(DEFAULT_DAYS - 1));
    return new AnalyticsPeriod(first, last);
  }

  public int days() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** Every day of the period, in order. */
  public List<LocalDate> dates() {
    return from.datesUntil(to.plusDays(1)).toList();
  }

  /** The first instant of the period. */
  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static Optional<LocalDate> date(String field, Optional<String> text) {
    Objects.requireNonNull(text, field);
    Optional<String> given = text.map(String::strip).filter(t -> !t.isEmpty());
    if (given.isEmpty()) {
      return Optional.empty();
    }
    if (!ISO_DATE.matcher(given.get()).matches()) {
      throw malformed(field);
    }
    try {
      return Optional.of(LocalDate.parse(given.get()));
    } catch (DateTimeParseException e) {
      throw malformed(field);
    }
  }

  private static InvalidInputException malformed(String field) {
    return new InvalidInputException(field, "must be a date as YYYY-MM-DD, e.g. 2026-07-01");
  }
}
