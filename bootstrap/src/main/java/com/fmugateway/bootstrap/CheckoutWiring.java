package com.fmugateway.bootstrap;

import com.fmugateway.domain.account.model.ApiKeyHasher;
import com.fmugateway.domain.billing.port.in.AddPurchasedCreditsUseCase;
import com.fmugateway.domain.checkout.model.PaymentTerms;
import com.fmugateway.domain.checkout.model.PaymentTokenMint;
import com.fmugateway.domain.checkout.model.ReconcileSchedule;
import com.fmugateway.domain.checkout.port.out.PaymentProvider;
import com.fmugateway.domain.checkout.port.out.PaymentSessionStore;
import com.fmugateway.domain.checkout.port.out.PaymentTokenStore;
import com.fmugateway.domain.checkout.port.out.WebhookEventLog;
import com.fmugateway.domain.checkout.service.CheckoutService;
import com.fmugateway.domain.checkout.service.PaymentSettlementService;
import com.fmugateway.domain.checkout.service.PaymentTokenService;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The checkout area: payment sessions at the providers, payment tokens, webhooks and
 * reconciliation. Providers are every {@link PaymentProvider} bean the payment adapter (or a test)
 * registers; with none, a 402 still states the price but offers no checkout.
 */
@Configuration(proxyBeanMethods = false)
class CheckoutWiring {

  private static final Logger log = LoggerFactory.getLogger(CheckoutWiring.class);

  @Bean
  PaymentTerms paymentTerms(
      PaymentProperties payments, BillingProperties billing, Environment environment) {
    return payments.terms(
        billing.baseCredits(), new PublicAddress(payments.configuredPublicUrl(), environment));
  }

  @Bean
  PaymentTokenMint paymentTokenMint(ApiKeyHasher serverKey) {
    return new PaymentTokenMint(serverKey);
  }

  @Bean
  CheckoutService checkoutService(
      ObjectProvider<PaymentProvider> providers,
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      PaymentTokenMint mint,
      PaymentTerms terms,
      AuditLog audit,
      Clock clock) {
    CheckoutService service =
        new CheckoutService(rails(providers), sessions, tokens, mint, terms, audit, clock);
    if (service.methods().isEmpty()) {
      log.warn("No payment provider is configured: a 402 states the price but opens no checkout");
    }
    return service;
  }

  @Bean
  PaymentTokenService paymentTokenService(
      PaymentTokenStore tokens, PaymentSessionStore sessions, AuditLog audit, Clock clock) {
    return new PaymentTokenService(tokens, sessions, audit, clock);
  }

  @Bean
  PaymentSettlementService paymentSettlementService(
      ObjectProvider<PaymentProvider> providers,
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      WebhookEventLog events,
      AddPurchasedCreditsUseCase credits,
      PaymentTokenMint mint,
      PaymentTerms terms,
      Transactions transactions,
      AuditLog audit,
      Clock clock,
      PaymentProperties payments) {
    PaymentProperties.Reconcile reconcile = payments.reconcile();
    return new PaymentSettlementService(
        rails(providers),
        sessions,
        tokens,
        events,
        credits,
        mint,
        terms.tokenTtl(),
        transactions,
        audit,
        clock,
        new ReconcileSchedule(reconcile.after(), reconcile.every(), reconcile.batch()));
  }

  private static List<PaymentProvider> rails(ObjectProvider<PaymentProvider> providers) {
    return providers.orderedStream().toList();
  }
}
