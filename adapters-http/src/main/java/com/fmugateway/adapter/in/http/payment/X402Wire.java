package com.fmugateway.adapter.in.http.payment;

import com.fmugateway.domain.billing.model.X402Offer;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402Receipt;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * x402 version 2 on the wire: the three headers, each base64-encoded JSON. {@code PAYMENT-REQUIRED}
 * (a 402's requirements), {@code PAYMENT-SIGNATURE} (the caller's signed payment) and {@code
 * PAYMENT-RESPONSE} (the settlement).
 */
public final class X402Wire {

  public static final String PAYMENT_REQUIRED = "PAYMENT-REQUIRED";
  public static final String PAYMENT_SIGNATURE = "PAYMENT-SIGNATURE";
  public static final String PAYMENT_RESPONSE = "PAYMENT-RESPONSE";

  static final int VERSION = X402Offer.VERSION;
  private static final JsonMapper JSON = JsonMapper.shared();

  private X402Wire() {}

  /** The {@code PAYMENT-REQUIRED} object for {@code offer} on the resource at {@code url}. */
  public static Map<String, Object> required(X402Offer offer, String url, String error) {
    return offer.paymentRequired(url, error);
  }

  /** The {@code PAYMENT-RESPONSE} object of a settlement. */
  public static Map<String, Object> response(X402Receipt receipt) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", receipt.success());
    receipt.errorReason().ifPresent(reason -> response.put("errorReason", reason));
    response.put("transaction", receipt.transaction());
    response.put("network", receipt.network());
    receipt.payer().ifPresent(payer -> response.put("payer", payer));
    return response;
  }

  /** Any of the above as a header value. */
  public static String encode(Map<String, Object> value) {
    return Base64.getEncoder()
        .encodeToString(JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The payment in a {@code PAYMENT-SIGNATURE} value; {@link InvalidInputException} naming the
   * header when it is not base64 JSON of an x402 version 2 payment for the exact scheme.
   */
  public static X402Payment decode(String header) {
    String json;
    JsonNode payload;
    try {
      json = new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8);
      payload = JSON.readTree(json);
    } catch (IllegalArgumentException notBase64) {
      throw bad("is not base64");
    } catch (JacksonException notJson) {
      throw bad("is not base64-encoded JSON");
    }
    if (payload == null || !payload.isObject()) {
      throw bad("must encode a JSON object");
    }
    if (payload.path("x402Version").asInt(0) != VERSION) {
      throw bad("x402Version must be " + VERSION);
    }
    JsonNode accepted = payload.path("accepted");
    JsonNode authorization = payload.path("payload").path("authorization");
    text(payload.path("payload"), "payload.signature");
    X402Terms terms =
        new X402Terms(
            text(accepted, "accepted.scheme"),
            text(accepted, "accepted.network"),
            text(accepted, "accepted.asset"),
            text(accepted, "accepted.amount"),
            text(accepted, "accepted.payTo"),
            accepted.path("maxTimeoutSeconds").asLong(0),
            accepted.path("extra").path("name").asString(""),
            accepted.path("extra").path("version").asString(""));
    return new X402Payment(
        terms,
        text(authorization, "payload.authorization.from"),
        text(authorization, "payload.authorization.to"),
        text(authorization, "payload.authorization.value"),
        seconds(authorization, "payload.authorization.validAfter"),
        seconds(authorization, "payload.authorization.validBefore"),
        text(authorization, "payload.authorization.nonce"),
        json);
  }

  private static String text(JsonNode parent, String path) {
    String field = path.substring(path.lastIndexOf('.') + 1);
    JsonNode value = parent.path(field);
    if (!(value.isString() || value.isNumber()) || value.asString().isBlank()) {
      throw bad(path + " is missing");
    }
    return value.asString();
  }

  private static Instant seconds(JsonNode parent, String path) {
    String value = text(parent, path);
    try {
      return Instant.ofEpochSecond(Long.parseLong(value.trim()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw bad(path + " must be a time in Unix seconds");
    }
  }

  private static InvalidInputException bad(String message) {
    return new InvalidInputException(PAYMENT_SIGNATURE, message);
  }
}
