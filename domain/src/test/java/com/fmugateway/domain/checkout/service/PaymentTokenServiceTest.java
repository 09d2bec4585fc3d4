package com.fmugateway.domain.checkout.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.PaymentToken;
import com.fmugateway.domain.checkout.model.PaymentTokenMint;
import com.fmugateway.domain.checkout.port.in.RedeemPaymentTokenUseCase.Reserved;
import com.fmugateway.domain.fixtures.InMemoryAuditLog;
import com.fmugateway.domain.fixtures.InMemoryPaymentSessions;
import com.fmugateway.domain.fixtures.InMemoryPaymentTokens;
import com.fmugateway.domain.fixtures.MutableClock;
import com.fmugateway.domain.fixtures.PaymentSessions;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Runs paid with tokens: what is consumed, and what the operators' audit says about it. */
class PaymentTokenServiceTest {

  private final MutableClock clock = MutableClock.atEpochDay();
  private final InMemoryPaymentSessions sessions = new InMemoryPaymentSessions();
  private final InMemoryPaymentTokens tokens = new InMemoryPaymentTokens();
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final PaymentTokenMint mint = new PaymentTokenMint(new ApiKeyHasher(new byte[32]));
  private final PaymentTokenService service =
      new PaymentTokenService(tokens, sessions, audit, clock);
  private final AccountId owner = AccountId.random();

  @Test
  void aRunThatSucceeds_consumesTheTokenAndAuditsIt() {
    Reserved reserved = service.reserve(owner, secretOfNewToken()).block();

    service.consume(owner, reserved.token(), reserved.payment(), UUID.randomUUID()).block();

    assertThat(audit.actions()).containsExactly("payment_token.consumed");
  }

  @Test
  void aReservationReleasedUnderTheRun_isNotAuditedAsConsumed() {
    Reserved reserved = service.reserve(owner, secretOfNewToken()).block();
    service.release(reserved.token()).block();

    service.consume(owner, reserved.token(), reserved.payment(), UUID.randomUUID()).block();

    assertThat(audit.actions()).containsExactly("payment_token.consume_missed");
  }

  private String secretOfNewToken() {
    PaymentSession session = sessions.add(PaymentSessions.run(owner, clock.now())).block();
    sessions
        .settle(session.id(), PaymentStatus.PENDING.to(PaymentStatus.PAID), clock.now())
        .block();
    PaymentToken token =
        tokens.issue(mint.mint(session, clock.now(), Duration.ofMinutes(30))).block();
    return mint.reveal(token).reveal();
  }
}
