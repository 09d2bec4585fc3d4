package com.fmugateway.adapter.in.http.account;

import com.fmugateway.domain.billing.model.AccountSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The caller's account: tier, balance in credits, this period's grant, runs and spend, and the
 * secret its experiments' callbacks are signed with.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountResponse(
    String id,
    Instant createdAt,
    @Schema(allowableValues = {"free", "pro", "enterprise"}) String tier,
    long credits,
    String period,
    long creditsGrantedThisPeriod,
    long runsThisPeriod,
    long spendThisPeriod,
    @Schema(
            description =
                "Checks callbacks: FMUGW-Signature is t=<unix seconds>,v1=<hex HMAC-SHA256 of"
                    + " \"<t>.<body>\" keyed with this secret>")
        String webhookSecret) {

  static AccountResponse from(AccountSummary summary, String webhookSecret) {
    return new AccountResponse(
        summary.account().id().toString(),
        summary.account().createdAt(),
        summary.account().tier().name().toLowerCase(Locale.ROOT),
        summary.credits(),
        summary.period().toString(),
        summary.creditsGrantedThisPeriod(),
        summary.usageThisPeriod().runs(),
        summary.usageThisPeriod().creditsSpent(),
        webhookSecret);
  }
}
