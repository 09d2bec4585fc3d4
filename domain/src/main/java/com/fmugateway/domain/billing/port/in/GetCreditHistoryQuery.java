package com.fmugateway.domain.billing.port.in;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.LedgerEntry;
import reactor.core.publisher.Flux;

/**
 * Query: the caller's credit history as a customer reads it, newest first: grants, purchases, what
 * each run cost, refunds and expiries. The holds a run reserves and releases are left out; they net
 * to nothing once the run ends.
 */
public interface GetCreditHistoryQuery {

  Flux<LedgerEntry> history(AccountId account, int limit);
}
