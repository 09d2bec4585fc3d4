package com.fmugateway.adapter.in.portal.account;

import com.fmugateway.domain.billing.model.AccountSummary;
import java.util.Locale;

/** The dashboard's tiles: the balance, this month's runs and spend, and the plan's name. */
public record AccountSummaryView(
    long credits, long runsThisPeriod, long creditsSpentThisPeriod, String tier) {

  static AccountSummaryView of(AccountSummary summary) {
    return new AccountSummaryView(
        summary.credits(),
        summary.usageThisPeriod().runs(),
        summary.usageThisPeriod().creditsSpent(),
        summary.account().tier().name().toLowerCase(Locale.ROOT));
  }
}
