package com.fmugateway.domain.billing.service;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.port.in.AddPurchasedCreditsUseCase;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Credits bought in packs: one ledger purchase per checkout, keyed by the checkout's id. */
public final class CreditPurchaseService implements AddPurchasedCreditsUseCase {

  private final CreditLedger ledger;

  public CreditPurchaseService(CreditLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  @Override
  public Mono<Boolean> add(AccountId account, long credits, String purchase) {
    return ledger.credit(
        account, EntryKind.PURCHASE, credits, LedgerKey.purchase(purchase), purchase);
  }
}
