package com.fmugateway.bootstrap;

import com.fmugateway.domain.model.account.ApiKeyHasher;
import com.fmugateway.domain.model.payment.PaymentTerms;
import com.fmugateway.domain.model.payment.PaymentTokenMint;
import com.fmugateway.domain.port.out.AuditLog;
import com.fmugateway.domain.port.out.Clock;
import com.fmugateway.domain.port.out.CreditLedger;
import com.fmugateway.domain.port.out.PaymentProvider;
import com.fmugateway.domain.port.out.PaymentRequirementLog;
import com.fmugateway.domain.port.out.PaymentSessionStore;
import com.fmugateway.domain.port.out.PaymentTokenStore;
import com.fmugateway.domain.port.out.RunHistory;
import com.fmugateway.domain.port.out.Transactions;
import com.fmugateway.domain.port.out.WebhookEventLog;
import com.fmugateway.domain.service.CheckoutService;
import com.fmugateway.domain.service.Checkouts;
import com.fmugateway.domain.service.PaymentProviders;
import com.fmugateway.domain.service.PaymentReconciliationService;
import com.fmugateway.domain.service.PaymentSettlement;
import com.fmugateway.domain.service.PricingService;
import com.fmugateway.domain.service.RunMetering;
import com.fmugateway.domain.service.RunPayments;
import com.fmugateway.domain.service.WebhookService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the payment services. Providers are every {@link PaymentProvider} bean the payment adapter
 * (or a test) registers; with none, a 402 still states the price but offers no checkout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentWiring {

  private static final Logger log = LoggerFactory.getLogger(PaymentWiring.class);

  @Bean
  PaymentProviders paymentProviders(ObjectProvider<PaymentProvider> providers) {
    PaymentProviders registry = new PaymentProviders(providers.orderedStream().toList());
    if (registry.methods().isEmpty()) {
      log.warn("No payment provider is configured: a 402 states the price but opens no checkout");
    }
    return registry;
  }

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
  Checkouts checkouts(
      PaymentProviders providers,
      PaymentSessionStore sessions,
      PaymentTerms terms,
      Clock clock,
      AuditLog audit) {
    return new Checkouts(providers, sessions, terms, clock, audit);
  }

  @Bean
  PricingService pricingService(BillingProperties billing, Checkouts checkouts) {
    return new PricingService(billing.priceList(), billing.policies(), checkouts);
  }

  @Bean
  PaymentSettlement paymentSettlement(
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      WebhookEventLog events,
      CreditLedger ledger,
      PaymentTokenMint mint,
      PaymentTerms terms,
      Transactions transactions,
      Clock clock,
      AuditLog audit) {
    return new PaymentSettlement(
        sessions, tokens, events, ledger, mint, terms.tokenTtl(), transactions, clock, audit);
  }

  @Bean
  CheckoutService checkoutService(
      Checkouts checkouts,
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      PaymentTokenMint mint,
      Clock clock) {
    return new CheckoutService(checkouts, sessions, tokens, mint, clock);
  }

  @Bean
  WebhookService webhookService(
      PaymentProviders providers, PaymentSessionStore sessions, PaymentSettlement settlement) {
    return new WebhookService(providers, sessions, settlement);
  }

  @Bean
  PaymentReconciliationService paymentReconciliationService(
      PaymentProviders providers,
      PaymentSessionStore sessions,
      PaymentSettlement settlement,
      Clock clock,
      PaymentProperties payments) {
    PaymentProperties.Reconcile reconcile = payments.reconcile();
    return new PaymentReconciliationService(
        providers,
        sessions,
        settlement,
        clock,
        reconcile.after(),
        reconcile.every(),
        reconcile.batch());
  }

  @Bean
  RunPayments runPayments(
      RunMetering metering,
      Checkouts checkouts,
      PaymentSessionStore sessions,
      PaymentTokenStore tokens,
      RunHistory runs,
      AuditLog audit,
      PaymentRequirementLog requirements,
      Clock clock) {
    return new RunPayments(metering, checkouts, sessions, tokens, runs, audit, requirements, clock);
  }
}
