package com.fmugateway.adapter.out.payments.stripe;

import com.fmugateway.domain.checkout.model.CheckoutRequest;
import com.fmugateway.domain.checkout.model.PaymentStatus;
import com.fmugateway.domain.checkout.model.ProviderCheckout;
import com.fmugateway.domain.checkout.model.ProviderId;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import java.time.Instant;

/** Translation between the gateway's checkouts and Stripe Checkout Sessions. */
final class StripeSessions {

  /** Metadata key under which a session carries the gateway's own session id. */
  static final String REFERENCE = "reference";

  private StripeSessions() {}

  /** One line at the request's price, in payment mode, closing at {@code expiresAt}. */
  static SessionCreateParams params(CheckoutRequest request, Instant expiresAt) {
    return SessionCreateParams.builder()
        .setMode(SessionCreateParams.Mode.PAYMENT)
        .addLineItem(
            LineItem.builder()
                .setQuantity(1L)
                .setPriceData(
                    PriceData.builder()
                        .setCurrency(request.amount().currency())
                        .setUnitAmount(request.amount().minorUnits())
                        .setProductData(
                            ProductData.builder().setName(request.description()).build())
                        .build())
                .build())
        .setClientReferenceId(request.reference())
        .putMetadata(REFERENCE, request.reference())
        .putMetadata("account", request.account().toString())
        .setSuccessUrl(request.successUrl())
        .setCancelUrl(request.cancelUrl())
        .setExpiresAt(expiresAt.getEpochSecond())
        .build();
  }

  static ProviderCheckout checkout(Session session) {
    return new ProviderCheckout(
        ProviderId.STRIPE,
        session.getId(),
        session.getUrl(),
        Instant.ofEpochSecond(session.getExpiresAt()));
  }

  /** Paid once Stripe says so; expired when the session closed unpaid; otherwise pending. */
  static PaymentStatus status(String status, String paymentStatus) {
    if ("paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus)) {
      return PaymentStatus.PAID;
    }
    if ("expired".equals(status)) {
      return PaymentStatus.EXPIRED;
    }
    return PaymentStatus.PENDING;
  }
}
