package com.fmugateway.adapter.out.payments;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Conditions that tell which payment providers the configuration makes active. */
final class ActiveProviders {

  private ActiveProviders() {}

  /** Reads only the keys and the sandbox switch; the rest is checked when the beans are made. */
  private static PaymentsProperties.Activation sandboxSwitch(ConditionContext context) {
    return binder(context)
        .bind("fmugw.payments.sandbox.enabled", PaymentsProperties.Activation.class)
        .orElse(PaymentsProperties.Activation.AUTO);
  }

  private static boolean hasText(ConditionContext context, String name) {
    return binder(context)
        .bind(name, Bindable.of(String.class))
        .map(value -> !value.isBlank())
        .orElse(false);
  }

  private static Binder binder(ConditionContext context) {
    return Binder.get(context.getEnvironment());
  }

  /** A Stripe secret key is set. */
  static final class Stripe extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      return hasText(context, "fmugw.payments.stripe.secret-key")
          ? ConditionOutcome.match("a Stripe secret key is set")
          : ConditionOutcome.noMatch("no Stripe secret key");
    }
  }

  /** A Coinbase Commerce API key is set. */
  static final class Coinbase extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      return hasText(context, "fmugw.payments.coinbase.api-key")
          ? ConditionOutcome.match("a Coinbase Commerce API key is set")
          : ConditionOutcome.noMatch("no Coinbase Commerce API key");
    }
  }

  /** The sandbox is switched on, or left on auto with neither Stripe nor Coinbase set. */
  static final class Sandbox extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      boolean active =
          switch (sandboxSwitch(context)) {
            case TRUE -> true;
            case FALSE -> false;
            case AUTO ->
                !hasText(context, "fmugw.payments.stripe.secret-key")
                    && !hasText(context, "fmugw.payments.coinbase.api-key");
          };
      return active
          ? ConditionOutcome.match("the sandbox payment provider is active")
          : ConditionOutcome.noMatch("the sandbox payment provider is off");
    }
  }

  /** x402 has a payee and a facilitator. */
  static final class X402 extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      return hasText(context, "fmugw.payments.x402.pay-to")
              && hasText(context, "fmugw.payments.x402.facilitator-url")
          ? ConditionOutcome.match("x402 has a payee and a facilitator")
          : ConditionOutcome.noMatch("x402 needs a payee and a facilitator URL");
    }
  }
}
