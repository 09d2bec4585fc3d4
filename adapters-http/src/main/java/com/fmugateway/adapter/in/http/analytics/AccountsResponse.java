package com.fmugateway.adapter.in.http.analytics;

import com.fmugateway.domain.analytics.model.AccountActivity;
import com.fmugateway.domain.analytics.model.AnalyticsPeriod;
import java.time.LocalDate;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Accounts in the period: {@code created} in it, {@code active} (at least one run), {@code repeat}
 * (runs on at least two different UTC days), {@code paying} (at least one checkout paid).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountsResponse(
    LocalDate from, LocalDate to, long created, long active, long repeat, long paying) {

  static AccountsResponse from(AnalyticsPeriod period, AccountActivity a) {
    return new AccountsResponse(
        period.from(), period.to(), a.created(), a.active(), a.repeat(), a.paying());
  }
}
