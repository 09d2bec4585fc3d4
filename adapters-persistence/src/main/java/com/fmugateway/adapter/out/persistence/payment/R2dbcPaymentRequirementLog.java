package com.fmugateway.adapter.out.persistence.payment;

import static com.fmugateway.adapter.out.persistence.support.Sql.bindOptional;
import static com.fmugateway.adapter.out.persistence.support.Sql.utc;

import com.fmugateway.domain.billing.model.PaymentRequirement;
import com.fmugateway.domain.billing.port.out.PaymentRequirementLog;
import com.fmugateway.domain.checkout.model.PaymentSessionId;
import com.fmugateway.domain.shared.model.Money;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The 402s answered, in PostgreSQL; a trigger keeps the table append-only. */
public final class R2dbcPaymentRequirementLog implements PaymentRequirementLog {

  private final DatabaseClient db;

  public R2dbcPaymentRequirementLog(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> record(PaymentRequirement requirement) {
    DatabaseClient.GenericExecuteSpec insert =
        db.sql(
                "INSERT INTO payment_requirements (account_id, fmu_id, at, quote_credits,"
                    + " balance_credits, amount_minor, currency, checkout_session_id, quote_only)"
                    + " VALUES (:a, :fmu, :at, :quote, :balance, :amount, :currency, :checkout,"
                    + " :quoteOnly)")
            .bind("a", requirement.account().value())
            .bind("fmu", requirement.fmuId())
            .bind("at", utc(requirement.at()))
            .bind("quote", requirement.quoteCredits())
            .bind("balance", requirement.balanceCredits())
            .bind("quoteOnly", requirement.quoteOnly());
    insert = bindOptional(insert, "amount", requirement.price().map(Money::minorUnits), Long.class);
    insert =
        bindOptional(insert, "currency", requirement.price().map(Money::currency), String.class);
    insert =
        bindOptional(
            insert, "checkout", requirement.checkout().map(PaymentSessionId::value), String.class);
    return insert.then();
  }
}
