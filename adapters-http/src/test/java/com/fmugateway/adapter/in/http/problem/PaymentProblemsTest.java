package com.fmugateway.adapter.in.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.PaymentOffer;
import com.fmugateway.domain.checkout.model.InvalidWebhookException;
import com.fmugateway.domain.checkout.model.PaymentGoneException;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.checkout.model.ProviderUnavailableException;
import com.fmugateway.domain.fixtures.PaymentSessions;
import com.fmugateway.domain.shared.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Payment errors as the prototype's clients read them. */
class PaymentProblemsTest {

  private final ProblemExceptionHandler handler = new ProblemExceptionHandler(null);
  private final PaymentSession session =
      PaymentSessions.run(AccountId.random(), Instant.parse("2026-06-15T12:00:00Z"));

  @Test
  void a402WithACheckout_carriesThePrototypesFieldsAtTheTopLevel() {
    PaymentOffer offer =
        new PaymentOffer(
            "lib:BouncingBall",
            new Money(100, "usd"),
            List.of(PaymentMethod.CARD, PaymentMethod.CRYPTO),
            Optional.of(PaymentMethod.CARD),
            Optional.of(session));

    Problem problem =
        handler.toProblem(
            new PaymentRequiredException(new PaymentDemand(10, 0, Optional.of(offer), false)));
    Map<String, Object> body = problem.toBody("/simulate");

    assertThat(problem.status()).isEqualTo(HttpStatus.PAYMENT_REQUIRED);
    assertThat(body)
        .containsEntry("status", 402)
        .containsEntry("checkout_url", session.checkoutUrl())
        .containsEntry("session_id", session.id().value())
        .containsEntry("amount", new BigDecimal("1.00"))
        .containsEntry("amount_minor", 100L)
        .containsEntry("currency", "usd")
        .containsEntry("methods", List.of("card", "crypto"))
        .containsEntry("payment_method", "card")
        .containsEntry("quote_credits", 10L)
        .containsEntry("balance_credits", 0L)
        .doesNotContainKey("reused");
    assertThat(body.get("next_step").toString())
        .contains("checkout_url")
        .contains("GET /payments/checkout/" + session.id())
        .contains("payment_token");
    @SuppressWarnings("unchecked")
    Map<String, Object> quote = (Map<String, Object>) body.get("quote");
    assertThat(quote)
        .containsEntry("fmu_id", "lib:BouncingBall")
        .containsEntry("credits", 10L)
        .containsEntry("amount", new BigDecimal("1.00"));
  }

  @Test
  void aQuote_hasThePriceAndNoCheckout() {
    PaymentOffer offer =
        new PaymentOffer(
            "lib:BouncingBall",
            new Money(100, "usd"),
            List.of(PaymentMethod.CARD),
            Optional.of(PaymentMethod.CARD),
            Optional.empty());

    Map<String, Object> body =
        handler
            .toProblem(
                new PaymentRequiredException(new PaymentDemand(10, 70, Optional.of(offer), true)))
            .toBody("/simulate");

    assertThat(body)
        .containsEntry("amount", new BigDecimal("1.00"))
        .containsEntry("methods", List.of("card"))
        .doesNotContainKeys("checkout_url", "session_id");
    assertThat(body.get("next_step").toString()).startsWith("Quote only");
  }

  @Test
  void goneUnavailableAndForgedWebhooks_haveTheirStatuses() {
    assertThat(handler.toProblem(new PaymentGoneException("used")).status())
        .isEqualTo(HttpStatus.GONE);
    Problem down = handler.toProblem(new ProviderUnavailableException("stripe timed out", null));
    assertThat(down.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(down.extra()).containsEntry("retry_after", 30);
    assertThat(down.detail()).doesNotContain("stripe timed out");
    assertThat(handler.toProblem(new InvalidWebhookException("bad signature")).status())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
