package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.payment.CreditPack;
import reactor.core.publisher.Flux;

/** Query: the credit packs on sale. */
public interface ListCreditPacksQuery {

  Flux<CreditPack> packs();
}
