package com.fmugateway.domain.checkout.port.in;

import java.util.Map;
import java.util.Objects;

/**
 * Command: a webhook as it arrived for provider {@code provider} (its URL name): the raw body,
 * exactly as signed, and the headers with lower-case names.
 */
public record HandleWebhookCommand(String provider, byte[] body, Map<String, String> headers) {

  public HandleWebhookCommand {
    Objects.requireNonNull(provider, "provider");
    body = body.clone();
    headers = Map.copyOf(headers);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
