package com.fmugateway.adapter.in.http.account;

import com.fmugateway.domain.billing.model.AccountSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The caller's account: tier, balance in credits, and this period's grant, runs and spend. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountResponse(
    String id,
    Instant createdAt,
    @Schema(allowableValues = {"free", "pro", "enterprise"}) String tier,
    long credits,
    String period,
    long creditsGrantedThisPeriod,
    long runsThisPeriod,
    long spendThisPeriod) {

  static AccountResponse from(AccountSummary summary) {
    return new AccountResponse(
        summary.account().id().toString(),
        summary.account().createdAt(),
        summary.account().tier().name().toLowerCase(Locale.ROOT),
        summary.credits(),
        summary.period().toString(),
        summary.creditsGrantedThisPeriod(),
        summary.usageThisPeriod().runs(),
        summary.usageThisPeriod().creditsSpent());
  }
}
