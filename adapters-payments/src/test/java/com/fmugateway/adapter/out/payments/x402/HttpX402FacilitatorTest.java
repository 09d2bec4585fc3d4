package com.fmugateway.adapter.out.payments.x402;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.payments.fake.FakeX402Facilitator;
import com.fmugateway.adapter.out.payments.fake.FakeX402Wallet;
import com.fmugateway.adapter.out.payments.support.GuardSettings;
import com.fmugateway.domain.billing.model.X402Payment;
import com.fmugateway.domain.billing.model.X402Receipt;
import com.fmugateway.domain.billing.model.X402Terms;
import com.fmugateway.domain.billing.model.X402Verdict;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The facilitator client against a facilitator speaking x402 version 2 on a local port. */
class HttpX402FacilitatorTest {

  private static final X402Terms TERMS =
      new X402Terms(
          "exact",
          FakeX402Facilitator.NETWORK,
          "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
          "1000000",
          "0x209693Bc6afc0C5328bA36FaF03C514EF312287C",
          300,
          "USD Coin",
          "2");

  private final FakeX402Facilitator server = new FakeX402Facilitator();
  private final HttpX402Facilitator facilitator =
      new HttpX402Facilitator(
          server.baseUrl(),
          new GuardSettings(
              Duration.ofSeconds(5), 2, Duration.ofMillis(10), 20, 5, Duration.ofSeconds(1)));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aValidPayment_isVerifiedThenSettledWithItsTransaction() {
    X402Payment payment = payment(TERMS);

    X402Verdict verdict = facilitator.verify(payment, TERMS).block();
    X402Receipt receipt = facilitator.settle(payment, TERMS).block();

    assertThat(verdict.valid()).isTrue();
    assertThat(verdict.payer()).contains(FakeX402Wallet.ADDRESS);
    assertThat(receipt.success()).isTrue();
    assertThat(receipt.transaction()).startsWith("0x").hasSize(66);
    assertThat(receipt.network()).isEqualTo(FakeX402Facilitator.NETWORK);
    JsonNode sent = JsonMapper.shared().readTree(server.requests().get(0).bodyText());
    assertThat(sent.path("x402Version").asInt()).isEqualTo(2);
    assertThat(sent.path("paymentRequirements").path("amount").asString()).isEqualTo("1000000");
    assertThat(sent.path("paymentRequirements").path("extra").path("name").asString())
        .isEqualTo("USD Coin");
    assertThat(
            sent.path("paymentPayload")
                .path("payload")
                .path("authorization")
                .path("from")
                .asString())
        .isEqualTo(FakeX402Wallet.ADDRESS);
  }

  @Test
  void aForgedSignature_isAnInvalidVerdictWithItsReason() {
    server.refuseSignatures(true);

    X402Verdict verdict = facilitator.verify(payment(TERMS), TERMS).block();

    assertThat(verdict.valid()).isFalse();
    assertThat(verdict.invalidReason()).contains("invalid_exact_evm_payload_signature");
  }

  @Test
  void aSettlementThatFails_isAReceiptWithItsReason_andASettledNonceCannotSettleAgain() {
    X402Payment payment = payment(TERMS);
    server.failNextSettlement("insufficient_funds");

    X402Receipt failed = facilitator.settle(payment, TERMS).block();
    X402Receipt settled = facilitator.settle(payment, TERMS).block();
    X402Receipt again = facilitator.settle(payment, TERMS).block();

    assertThat(failed.success()).isFalse();
    assertThat(failed.errorReason()).contains("insufficient_funds");
    assertThat(settled.success()).isTrue();
    assertThat(again.success()).isFalse();
    assertThat(again.errorReason()).get().asString().contains("nonce");
  }

  @Test
  void aFacilitatorFailingWith500_isUnavailable_verificationRetriedSettlementNot() {
    server.failNextCalls(10);

    StepVerifier.create(facilitator.verify(payment(TERMS), TERMS))
        .expectError(ProviderUnavailableException.class)
        .verify();
    int afterVerify = server.requests().size();
    StepVerifier.create(facilitator.settle(payment(TERMS), TERMS))
        .expectError(ProviderUnavailableException.class)
        .verify();

    assertThat(afterVerify).isEqualTo(2);
    assertThat(server.requests()).hasSize(3);
  }

  /** A payment as the HTTP edge decodes it from the wallet's header. */
  static X402Payment payment(X402Terms terms) {
    JsonNode accepted = JsonMapper.shared().valueToTree(X402Json.requirements(terms));
    String header =
        FakeX402Wallet.sign(
            JsonMapper.shared().createObjectNode().put("url", "http://gw/simulate"),
            accepted,
            Instant.now().plusSeconds(600));
    String json = new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8);
    JsonNode authorization =
        JsonMapper.shared().readTree(json).path("payload").path("authorization");
    return new X402Payment(
        terms,
        authorization.path("from").asString(),
        authorization.path("to").asString(),
        authorization.path("value").asString(),
        Instant.EPOCH,
        Instant.ofEpochSecond(Long.parseLong(authorization.path("validBefore").asString())),
        authorization.path("nonce").asString(),
        json);
  }
}
