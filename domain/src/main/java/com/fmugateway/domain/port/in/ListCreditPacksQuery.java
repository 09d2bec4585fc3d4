package com.fmugateway.domain.port.in;

import com.fmugateway.domain.model.payment.CreditPack;
import com.fmugateway.domain.model.payment.PaymentMethod;
import java.util.List;
import reactor.core.publisher.Flux;

/** Query: the credit packs on sale, and the payment methods that can buy them. */
public interface ListCreditPacksQuery {

  Flux<CreditPack> packs();

  /** The methods a checkout can be paid with now, in the order to offer them. */
  List<PaymentMethod> methods();
}
