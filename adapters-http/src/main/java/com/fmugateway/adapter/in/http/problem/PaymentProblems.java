package com.fmugateway.adapter.in.http.problem;

import com.fmugateway.adapter.in.http.payment.CheckoutResponse;
import com.fmugateway.adapter.in.http.payment.NextSteps;
import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.PaymentOffer;
import com.fmugateway.domain.checkout.model.PaymentSession;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 402 of {@code /simulate} as problem+json with the prototype's members at the top level:
 * {@code checkout_url}, {@code session_id}, {@code amount}, {@code currency}, {@code methods},
 * {@code payment_method}, {@code next_step} and the {@code quote}.
 */
final class PaymentProblems {

  /** Seconds a client should wait before retrying when the payment provider is down. */
  static final int PROVIDER_RETRY_AFTER_SECONDS = 30;

  private static final JsonMapper MEMBERS =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  /** Members of the problem itself (a pending checkout's "status" is not the HTTP status). */
  private static final Set<String> PROBLEM_MEMBERS =
      Set.of("type", "title", "status", "detail", "instance", "reused");

  private PaymentProblems() {}

  static Problem paymentRequired(PaymentDemand required) {
    Problem problem =
        Problem.of(HttpStatus.PAYMENT_REQUIRED, required.message())
            .with("quote_credits", required.quote())
            .with("balance_credits", required.balance());
    if (required.offer().isEmpty()) {
      return problem;
    }
    PaymentOffer offer = required.offer().get();
    if (offer.checkout().isPresent()) {
      PaymentSession session = offer.checkout().get();
      Map<String, Object> members =
          MEMBERS.convertValue(
              CheckoutResponse.of(session, offer.methods(), false, NextSteps.payForRun(session)),
              MAP);
      members.keySet().removeAll(PROBLEM_MEMBERS);
      for (Map.Entry<String, Object> member : members.entrySet()) {
        problem = problem.with(member.getKey(), member.getValue());
      }
    } else {
      problem =
          problem
              .with("amount", major(offer))
              .with("amount_minor", offer.amount().minorUnits())
              .with("currency", offer.amount().currency())
              .with("methods", CheckoutResponse.codes(offer.methods()));
      if (offer.method().isPresent()) {
        problem = problem.with("payment_method", offer.method().get().code());
      }
      problem =
          problem.with(
              "next_step",
              required.quoteOnly()
                  ? NextSteps.quoteOnly(required.quote(), required.balance(), offer.amount())
                  : NextSteps.noProvider());
    }
    Map<String, Object> quote = new LinkedHashMap<>();
    quote.put("fmu_id", offer.fmuId());
    quote.put("credits", required.quote());
    quote.put("balance_credits", required.balance());
    quote.put("amount", major(offer));
    quote.put("amount_minor", offer.amount().minorUnits());
    quote.put("currency", offer.amount().currency());
    return problem.with("quote", quote);
  }

  private static BigDecimal major(PaymentOffer offer) {
    return BigDecimal.valueOf(offer.amount().minorUnits(), 2);
  }
}
