package com.fmugateway.domain.checkout.port.in;

import com.fmugateway.domain.checkout.model.CreditPack;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import java.util.List;
import reactor.core.publisher.Flux;

/** Query: the credit packs on sale, and the payment methods that can buy them. */
public interface ListCreditPacksQuery {

  Flux<CreditPack> packs();

  /** The methods a checkout can be paid with now, in the order to offer them. */
  List<PaymentMethod> methods();
}
