package com.fmugateway.adapter.in.http.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.billing.model.X402Offer;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402Receipt;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.shared.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class X402WireTest {

  private static final X402Terms TERMS =
      new X402Terms(
          "exact",
          "eip155:8453",
          "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
          "1000000",
          "0x209693Bc6afc0C5328bA36FaF03C514EF312287C",
          300,
          "USD Coin",
          "2");

  @Test
  void paymentRequired_isBase64JsonOfVersion2WithTheExactRequirement() {
    String header =
        X402Wire.encode(
            X402Wire.required(
                new X402Offer(TERMS, Optional.empty()), "http://gw/simulate", "pay first"));

    JsonNode decoded = JsonMapper.shared().readTree(Base64.getDecoder().decode(header));
    assertThat(decoded.path("x402Version").asInt()).isEqualTo(2);
    assertThat(decoded.path("error").asString()).isEqualTo("pay first");
    assertThat(decoded.path("resource").path("url").asString()).isEqualTo("http://gw/simulate");
    assertThat(decoded.path("resource").path("mimeType").asString()).isEqualTo("application/json");
    JsonNode accepts = decoded.path("accepts").get(0);
    assertThat(accepts.path("scheme").asString()).isEqualTo("exact");
    assertThat(accepts.path("network").asString()).isEqualTo("eip155:8453");
    assertThat(accepts.path("amount").asString()).isEqualTo("1000000");
    assertThat(accepts.path("payTo").asString()).isEqualTo(TERMS.payTo());
    assertThat(accepts.path("asset").asString()).isEqualTo(TERMS.asset());
    assertThat(accepts.path("maxTimeoutSeconds").asLong()).isEqualTo(300);
    assertThat(accepts.path("extra").path("name").asString()).isEqualTo("USD Coin");
    assertThat(accepts.path("extra").path("version").asString()).isEqualTo("2");
  }

  @Test
  void aRefusal_isTheError() {
    Map<String, Object> required =
        X402Wire.required(new X402Offer(TERMS, Optional.of("replayed")), "u", "pay first");

    assertThat(required).containsEntry("error", "replayed");
  }

  @Test
  void paymentSignature_decodesThePayloadItsAcceptedTermsAndAuthorization() {
    String payload =
        "{\"x402Version\":2,\"resource\":{\"url\":\"u\"},\"accepted\":{\"scheme\":\"exact\","
            + "\"network\":\"eip155:8453\",\"asset\":\"0xA\",\"amount\":\"1000000\","
            + "\"payTo\":\"0xB\",\"maxTimeoutSeconds\":300},\"payload\":{\"signature\":\"0xsig\","
            + "\"authorization\":{\"from\":\"0xC\",\"to\":\"0xB\",\"value\":\"1000000\","
            + "\"validAfter\":\"0\",\"validBefore\":\"1900000000\",\"nonce\":\"0xN\"}}}";

    X402Payment payment = X402Wire.decode(base64(payload));

    assertThat(payment.accepted().amount()).isEqualTo("1000000");
    assertThat(payment.accepted().payTo()).isEqualTo("0xB");
    assertThat(payment.payer()).isEqualTo("0xC");
    assertThat(payment.validBefore()).isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
    assertThat(payment.nonce()).isEqualTo("0xN");
    assertThat(payment.payloadJson()).isEqualTo(payload);
  }

  @Test
  void aBrokenSignatureHeader_isInvalidInputNamingTheHeader() {
    assertThatThrownBy(() -> X402Wire.decode("%%%"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("PAYMENT-SIGNATURE"))
        .hasMessageContaining("base64");
    assertThatThrownBy(() -> X402Wire.decode(base64("not json")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("JSON");
    assertThatThrownBy(() -> X402Wire.decode(base64("{\"x402Version\":1}")))
        .hasMessageContaining("x402Version must be 2");
    assertThatThrownBy(() -> X402Wire.decode(base64("{\"x402Version\":2,\"accepted\":{}}")))
        .hasMessageContaining("payload.signature is missing");
  }

  @Test
  void paymentResponse_carriesTheSettlement() {
    Map<String, Object> response =
        X402Wire.response(
            new X402Receipt(true, Optional.empty(), "0xtx", "eip155:8453", Optional.of("0xC")));

    assertThat(response)
        .containsEntry("success", true)
        .containsEntry("transaction", "0xtx")
        .containsEntry("network", "eip155:8453")
        .containsEntry("payer", "0xC")
        .doesNotContainKey("errorReason");
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
