package com.fmugateway.adapter.out.payments.fake;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A webhook as a provider POSTs it: the raw body and the headers that sign it (names lower-case, as
 * {@link com.fmugateway.domain.checkout.port.out.PaymentProvider#verifyWebhook} wants them).
 */
public record SignedWebhook(byte[] body, Map<String, String> headers) {

  public SignedWebhook {
    body = body.clone();
    headers = Map.copyOf(headers);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The same headers on another body: a forgery. */
  public SignedWebhook withBody(String otherBody) {
    return new SignedWebhook(otherBody.getBytes(StandardCharsets.UTF_8), headers);
  }
}
