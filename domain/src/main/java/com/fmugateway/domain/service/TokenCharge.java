package com.fmugateway.domain.service;

import com.fmugateway.domain.model.audit.AuditEvent;
import com.fmugateway.domain.model.payment.PaymentTokenHash;
import com.fmugateway.domain.model.payment.RunPayment;
import com.fmugateway.domain.model.run.RunRecord;
import com.fmugateway.domain.port.out.AuditLog;
import com.fmugateway.domain.port.out.Clock;
import com.fmugateway.domain.port.out.PaymentTokenStore;
import com.fmugateway.domain.port.out.RunHistory;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A run paid by a reserved payment token: no credits move; the token is consumed if the run
 * succeeds and made ready again if it fails, so a failed run costs the customer nothing.
 */
final class TokenCharge implements RunCharge {

  private final PaymentTokenHash token;
  private final RunPayment payment;
  private final PaymentTokenStore tokens;
  private final RunHistory history;
  private final AuditLog audit;
  private final Clock clock;

  TokenCharge(
      PaymentTokenHash token,
      RunPayment payment,
      PaymentTokenStore tokens,
      RunHistory history,
      AuditLog audit,
      Clock clock) {
    this.token = token;
    this.payment = payment;
    this.tokens = tokens;
    this.history = history;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public long quotedCredits() {
    return 0;
  }

  @Override
  public long credits(long runCost) {
    return 0;
  }

  @Override
  public Optional<RunPayment> payment() {
    return Optional.of(payment);
  }

  @Override
  public Mono<Void> settle(long credits, RunRecord run) {
    return tokens
        .consume(token, run.id(), clock.now())
        .then(history.record(run))
        .then(
            audit.record(
                AuditEvent.by(
                        run.accountId(),
                        clock.now(),
                        "payment_token.consumed",
                        payment.session().value())
                    .with("run", run.id().toString())));
  }

  @Override
  public Mono<Void> release(RunRecord run) {
    return tokens.release(token).then(history.record(run));
  }

  @Override
  public void releaseDetached() {
    tokens.release(token).subscribe();
  }
}
