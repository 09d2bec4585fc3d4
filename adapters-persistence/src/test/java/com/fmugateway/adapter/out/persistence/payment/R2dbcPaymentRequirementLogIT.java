package com.fmugateway.adapter.out.persistence.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.PaymentRequirement;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.fixtures.PaymentSessions;
import com.fmugateway.domain.shared.model.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcPaymentRequirementLogIT {

  private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcPaymentRequirementLog log;
  @Autowired R2dbcPaymentSessions sessions;
  @Autowired R2dbcAccounts accounts;
  @Autowired DatabaseClient db;

  @Test
  void record_keepsEvery402WithItsCheckoutOrNone() {
    AccountId account = TestAccounts.create(accounts);
    PaymentSession checkout = sessions.add(PaymentSessions.run(account, T0)).block();

    log.record(requirement(account, Optional.of(checkout), false)).block();
    log.record(requirement(account, Optional.of(checkout), false)).block();
    log.record(requirement(account, Optional.empty(), true)).block();

    List<Map<String, Object>> rows =
        db.sql(
                "SELECT fmu_id, quote_credits, balance_credits, amount_minor, currency,"
                    + " checkout_session_id, quote_only FROM payment_requirements"
                    + " WHERE account_id = :a ORDER BY id")
            .bind("a", account.value())
            .fetch()
            .all()
            .collectList()
            .block();
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0))
        .containsEntry("fmu_id", "lib:BouncingBall")
        .containsEntry("quote_credits", 10L)
        .containsEntry("balance_credits", 3L)
        .containsEntry("amount_minor", 100L)
        .containsEntry("currency", "usd")
        .containsEntry("checkout_session_id", checkout.id().value())
        .containsEntry("quote_only", false);
    assertThat(rows.get(2))
        .containsEntry("checkout_session_id", null)
        .containsEntry("quote_only", true);
  }

  @Test
  void theDatabaseRefusesToRewriteThe402s() {
    AccountId account = TestAccounts.create(accounts);
    log.record(requirement(account, Optional.empty(), true)).block();

    assertThatThrownBy(
            () -> db.sql("UPDATE payment_requirements SET quote_credits = 0").then().block())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> db.sql("DELETE FROM payment_requirements").then().block())
        .hasMessageContaining("append-only");
  }

  private static PaymentRequirement requirement(
      AccountId account, Optional<PaymentSession> checkout, boolean quoteOnly) {
    return new PaymentRequirement(
        account,
        "lib:BouncingBall",
        T0,
        10,
        3,
        Optional.of(new Money(100, "usd")),
        checkout.map(PaymentSession::id),
        quoteOnly);
  }
}
