package com.fmugateway.domain.billing.port.in;

import com.fmugateway.domain.account.model.AccountId;
import reactor.core.publisher.Mono;

/**
 * Use case: put credits bought with checkout {@code purchase} on the account, once however often it
 * is asked (true when this call added them). Runs inside the caller's transaction.
 */
public interface AddPurchasedCreditsUseCase {

  Mono<Boolean> add(AccountId account, long credits, String purchase);
}
