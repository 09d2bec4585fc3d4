package com.fmugateway.domain.checkout.service;

import com.fmugateway.domain.billing.port.in.AddPurchasedCreditsUseCase;
import com.fmugateway.domain.checkout.model.PaymentTokenMint;
import com.fmugateway.domain.checkout.model.ReconcileSchedule;
import com.fmugateway.domain.checkout.model.Reconciliation;
import com.fmugateway.domain.checkout.model.WebhookOutcome;
import com.fmugateway.domain.checkout.port.in.HandleWebhookCommand;
import com.fmugateway.domain.checkout.port.in.HandleWebhookUseCase;
import com.fmugateway.domain.checkout.port.in.ReconcilePaymentsUseCase;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.checkout.port.out.PaymentSessionStore;
import com.fmugateway.domain.checkout.port.out.PaymentTokenStore;
import com.fmugateway.domain.checkout.port.out.WebhookEventLog;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Settles checkouts on the provider's word: pushed by its webhooks, or pulled by reconciliation for
 * checkouts whose webhook never came. Both apply it through the same settlement, so a payment is
 * fulfilled once however it is learnt.
 */
public final class PaymentSettlementService
    implements HandleWebhookUseCase, ReconcilePaymentsUseCase {

  private final Webhooks webhooks;
  private final Reconciler reconciler;

  public PaymentSettlementService(
      List<PaymentProvider> providers,
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      WebhookEventLog events,
      AddPurchasedCreditsUseCase credits,
      PaymentTokenMint mint,
      Duration tokenTtl,
      Transactions transactions,
      AuditLog audit,
      Clock clock,
      ReconcileSchedule schedule) {
    PaymentProviders rails = new PaymentProviders(providers);
    PaymentSettlement settlement =
        new PaymentSettlement(
            sessions, tokens, events, credits, mint, tokenTtl, transactions, clock, audit);
    this.webhooks = new Webhooks(rails, sessions, settlement);
    this.reconciler = new Reconciler(rails, sessions, settlement, clock, schedule);
  }

  @Override
  public Mono<WebhookOutcome> handle(HandleWebhookCommand command) {
    return webhooks.handle(command);
  }

  @Override
  public Mono<Reconciliation> reconcile() {
    return reconciler.reconcile();
  }
}
