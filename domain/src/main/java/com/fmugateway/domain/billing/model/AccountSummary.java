package com.fmugateway.domain.billing.model;

import com.fmugateway.domain.account.model.Account;
import com.fmugateway.domain.simulation.model.Usage;
import java.time.YearMonth;
import java.util.Objects;

/** An account as its owner sees it: tier, balance, and this period's grant, runs and spend. */
public record AccountSummary(
    Account account,
    long credits,
    YearMonth period,
    long creditsGrantedThisPeriod,
    Usage usageThisPeriod) {

  public AccountSummary {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(usageThisPeriod, "usageThisPeriod");
  }
}
