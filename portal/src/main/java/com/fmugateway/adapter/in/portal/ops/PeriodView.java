package com.fmugateway.adapter.in.portal.ops;

import com.fmugateway.domain.analytics.model.AnalyticsPeriod;

/** The period the operators' reports cover: first and last day (YYYY-MM-DD) and how many days. */
public record PeriodView(String from, String to, int days) {

  static PeriodView of(AnalyticsPeriod period) {
    return new PeriodView(period.from().toString(), period.to().toString(), period.days());
  }
}
