package com.fmugateway.domain.checkout.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.checkout.model.CheckoutState;
import reactor.core.publisher.Mono;

/**
 * Query: how the caller's checkout stands, with the payment token once a run is paid. Another
 * account's checkout is not found; one that expired, or whose token was used, is gone.
 */
public interface GetCheckoutQuery {

  Mono<CheckoutState> checkout(AccountId caller, String sessionId);

  /**
   * The checkout a provider sent a browser back from, known by its id alone: the id is the
   * capability (unguessable, and given only to whoever opened the checkout). Same answers as {@link
   * #checkout}; callers show only what its owner needs.
   */
  Mono<CheckoutState> returnedFrom(String sessionId);
}
