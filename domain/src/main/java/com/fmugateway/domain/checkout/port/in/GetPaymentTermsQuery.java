package com.fmugateway.domain.checkout.port.in;

import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentTerms;
import java.util.List;

/** Query: what the gateway sells for money, and the payment methods its providers accept. */
public interface GetPaymentTermsQuery {

  PaymentTerms terms();

  /** Empty when no payment provider is configured. */
  List<PaymentMethod> methods();
}
