package com.fmugateway.bootstrap;

import com.fmugateway.domain.account.port.in.FindAccountQuery;
import com.fmugateway.domain.billing.model.X402Settings;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import com.fmugateway.domain.billing.port.out.PaymentRequirementLog;
import com.fmugateway.domain.billing.port.out.X402Facilitator;
import com.fmugateway.domain.billing.port.out.X402PaymentLog;
import com.fmugateway.domain.billing.service.CreditPurchaseService;
import com.fmugateway.domain.billing.service.GetAccountService;
import com.fmugateway.domain.billing.service.PricingService;
import com.fmugateway.domain.billing.service.RunBillingService;
import com.fmugateway.domain.checkout.port.in.GetPaymentTermsQuery;
import com.fmugateway.domain.checkout.port.in.RedeemPaymentTokenUseCase;
import com.fmugateway.domain.checkout.port.in.StartCheckoutUseCase;
import com.fmugateway.domain.shared.port.out.AuditLog;
import com.fmugateway.domain.shared.port.out.Clock;
import com.fmugateway.domain.shared.port.out.Transactions;
import com.fmugateway.domain.simulation.port.in.GetRunsQuery;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The billing area: credits, their ledger, prices, tiers, and paying for each run (x402 too). */
@Configuration(proxyBeanMethods = false)
class BillingWiring {

  @Bean
  RunBillingService runBillingService(
      CreditLedger ledger,
      BillingProperties billing,
      RedeemPaymentTokenUseCase tokens,
      StartCheckoutUseCase checkouts,
      GetPaymentTermsQuery terms,
      PaymentRequirementLog requirements,
      AuditLog audit,
      Clock clock,
      Transactions transactions,
      ObjectProvider<X402Settings> x402,
      ObjectProvider<X402Facilitator> facilitator,
      X402PaymentLog x402Payments) {
    return new RunBillingService(
        ledger,
        billing.priceList(),
        billing.policies(),
        tokens,
        checkouts,
        terms,
        requirements,
        audit,
        clock,
        transactions,
        Optional.ofNullable(x402.getIfAvailable()),
        Optional.ofNullable(facilitator.getIfAvailable()),
        Optional.of(x402Payments));
  }

  @Bean
  GetAccountService getAccountService(
      FindAccountQuery accounts,
      CreditLedger ledger,
      GetRunsQuery runs,
      BillingProperties billing,
      AuditLog audit,
      Clock clock,
      Transactions transactions) {
    return new GetAccountService(
        accounts, ledger, runs, billing.policies(), audit, clock, transactions);
  }

  @Bean
  CreditPurchaseService creditPurchaseService(CreditLedger ledger) {
    return new CreditPurchaseService(ledger);
  }

  @Bean
  PricingService pricingService(
      BillingProperties billing, GetPaymentTermsQuery terms, ObjectProvider<X402Settings> x402) {
    return new PricingService(
        billing.priceList(), billing.policies(), terms, Optional.ofNullable(x402.getIfAvailable()));
  }
}
