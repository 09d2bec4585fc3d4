package com.fmugateway.adapter.out.persistence.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.credit.R2dbcCreditLedger;
import com.fmugateway.adapter.out.persistence.database.R2dbcTransactions;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.fmugateway.domain.checkout.port.out.WebhookEventLog;
import com.fmugateway.domain.fixtures.PaymentSessions;
import com.fmugateway.domain.fixtures.WebhookEventLogContract;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The event log's contract, and the transaction that makes an event's effects all-or-nothing. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class R2dbcWebhookEventLogIT extends WebhookEventLogContract {

  private static final Instant T0 = Instant.parse("2026-06-15T12:00:00Z");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcWebhookEventLog events;
  @Autowired R2dbcPaymentSessions sessions;
  @Autowired R2dbcCreditLedger ledger;
  @Autowired R2dbcTransactions transactions;
  @Autowired R2dbcAccounts accounts;

  @Override
  protected WebhookEventLog events() {
    return events;
  }

  @Test
  void aFailureInsideTheTransaction_undoesTheEventTheSettlementAndThePurchase() {
    AccountId owner = TestAccounts.create(accounts);
    PaymentSession session = sessions.add(PaymentSessions.pack(owner, T0, 100)).block();
    Mono<Boolean> work =
        events
            .recordOnce(ProviderId.SANDBOX, "evt_rolled_back", session.id(), PaymentStatus.PAID, T0)
            .then(sessions.settle(session.id(), PaymentStatus.PENDING.to(PaymentStatus.PAID), T0))
            .then(
                ledger.credit(
                    owner, EntryKind.PURCHASE, 100, LedgerKey.purchase(session.id().value()), "x"))
            .then(Mono.error(new IllegalStateException("the database went away")));

    StepVerifier.create(transactions.atomically(work))
        .expectError(IllegalStateException.class)
        .verify();

    assertThat(sessions.find(session.id()).block().status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(ledger.balance(owner).block()).isZero();
    assertThat(
            events
                .recordOnce(
                    ProviderId.SANDBOX, "evt_rolled_back", session.id(), PaymentStatus.PAID, T0)
                .block())
        .isTrue();
  }
}
