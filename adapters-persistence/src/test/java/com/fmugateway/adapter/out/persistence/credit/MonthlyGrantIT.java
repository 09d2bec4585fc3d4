package com.fmugateway.adapter.out.persistence.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.persistence.PersistenceTestApplication;
import com.fmugateway.adapter.out.persistence.account.R2dbcAccounts;
import com.fmugateway.adapter.out.persistence.audit.R2dbcAuditLog;
import com.fmugateway.adapter.out.persistence.database.R2dbcTransactions;
import com.fmugateway.adapter.out.persistence.run.R2dbcRunHistory;
import com.fmugateway.adapter.out.persistence.testing.TestAccounts;
import com.fmugateway.adapter.out.persistence.testing.TestDatabase;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.account.service.AccountQueryService;
import com.fmugateway.domain.billing.model.TierPolicy;
import com.fmugateway.domain.billing.service.GetAccountService;
import com.fmugateway.domain.shared.model.AuditEvent;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.simulation.service.RunQueryService;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A month's grant and its audit event, through the domain's service, on PostgreSQL. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class MonthlyGrantIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("fmugw.database.url", () -> TestDatabase.url(TestDatabase.freshDatabase()));
  }

  @Autowired R2dbcAccounts accounts;
  @Autowired R2dbcCreditLedger ledger;
  @Autowired R2dbcAuditLog audit;
  @Autowired R2dbcTransactions transactions;
  @Autowired R2dbcRunHistory runs;

  @Test
  void aGrantWhoseAuditEventFails_isNotGranted_andTheNextRequestGrantsItWithItsEvent() {
    AccountId account = TestAccounts.create(accounts);
    // The event is written, then the audit fails: both must go.
    AuditLog failing =
        new AuditLog() {
          @Override
          public Mono<Void> record(AuditEvent event) {
            return audit.record(event).then(Mono.error(new IllegalStateException("audit down")));
          }

          @Override
          public Flux<AuditEvent> recent(int limit) {
            return audit.recent(limit);
          }
        };

    assertThatThrownBy(() -> service(failing).account(account).block())
        .hasMessageContaining("audit down");

    assertThat(ledger.balance(account).block()).isZero();
    assertThat(grantEvents(account)).isZero();

    assertThat(service(audit).account(account).block().credits()).isEqualTo(100);
    assertThat(grantEvents(account)).isEqualTo(1);
    // Asked again by another gateway (which remembers nothing): granted once, audited once.
    assertThat(service(audit).account(account).block().credits()).isEqualTo(100);
    assertThat(grantEvents(account)).isEqualTo(1);
  }

  private GetAccountService service(AuditLog auditLog) {
    return new GetAccountService(
        new AccountQueryService(accounts),
        ledger,
        new RunQueryService(runs),
        Map.of(Tier.FREE, new TierPolicy(Tier.FREE, 100, 10)),
        auditLog,
        Instant::now,
        transactions);
  }

  /** The account's grant events, read back through the audit log (this database is the test's). */
  private long grantEvents(AccountId account) {
    return audit
        .recent(1_000)
        .filter(e -> e.actor().equals(Optional.of(account)))
        .filter(e -> e.action().equals("credits.granted"))
        .count()
        .block();
  }
}
