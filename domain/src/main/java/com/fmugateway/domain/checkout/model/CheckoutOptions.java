package com.fmugateway.domain.checkout.model;

import com.fmugateway.domain.shared.model.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a caller wants to pay if a checkout is opened: the method (card by default) and where the
 * provider sends the customer back to; absent URLs fall back to the gateway's own.
 */
public record CheckoutOptions(
    PaymentMethod method, Optional<String> successUrl, Optional<String> cancelUrl) {

  public static final CheckoutOptions DEFAULT =
      new CheckoutOptions(PaymentMethod.CARD, Optional.empty(), Optional.empty());

  private static final int MAX_URL_LENGTH = 2048;

  public CheckoutOptions {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(successUrl, "successUrl");
    Objects.requireNonNull(cancelUrl, "cancelUrl");
  }

  /** Checks the values a caller sent, naming the offending field. */
  public static CheckoutOptions parse(String method, String successUrl, String cancelUrl) {
    PaymentMethod chosen =
        method == null
            ? PaymentMethod.CARD
            : PaymentMethod.fromCode(method)
                .orElseThrow(
                    () -> new InvalidInputException("paymentMethod", "must be card or crypto"));
    return new CheckoutOptions(chosen, url("successUrl", successUrl), url("cancelUrl", cancelUrl));
  }

  private static Optional<String> url(String field, String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.replace(PaymentTerms.SESSION_ID, "session"));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (value.length() > MAX_URL_LENGTH
          || !(scheme.equals("https") || scheme.equals("http"))
          || uri.getHost() == null) {
        throw new InvalidInputException(field, "must be an absolute http(s) URL");
      }
      return Optional.of(value);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(field, "must be an absolute http(s) URL");
    }
  }
}
