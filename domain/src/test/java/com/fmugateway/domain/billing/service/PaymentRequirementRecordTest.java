package com.fmugateway.domain.billing.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.billing.model.PaymentDemand;
import com.fmugateway.domain.billing.model.PaymentRequirement;
import com.fmugateway.domain.checkout.model.CheckoutOptions;
import com.fmugateway.domain.checkout.model.PaymentSession;
import com.fmugateway.domain.fixtures.PaymentWorld;
import com.fmugateway.domain.shared.model.Money;
import com.fmugateway.domain.simulation.model.SimulationOutcome;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Every 402 of {@code /simulate} is noted for the funnel, and the note never costs the 402. */
class PaymentRequirementRecordTest {

  private final PaymentWorld world = new PaymentWorld(0);
  private final AccountId alice = world.newAccount();

  @Test
  void givenNoCredits_the402IsRecordedWithItsCheckout() {
    PaymentSession checkout =
        paymentRequired(world, command(alice, false))
            .offer()
            .orElseThrow()
            .checkout()
            .orElseThrow();

    assertThat(world.requirements.all())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.account()).isEqualTo(alice);
              assertThat(r.fmuId()).isEqualTo("lib:AllTypes");
              assertThat(r.at()).isEqualTo(world.clock.now());
              assertThat(r.quoteCredits()).isEqualTo(10);
              assertThat(r.balanceCredits()).isZero();
              assertThat(r.price()).contains(new Money(100, "usd"));
              assertThat(r.checkout()).contains(checkout.id());
              assertThat(r.quoteOnly()).isFalse();
            });
  }

  @Test
  void givenTheSameRequestTwice_each402IsRecordedAndBothNameTheOneCheckout() {
    paymentRequired(world, command(alice, false));
    paymentRequired(world, command(alice, false));

    assertThat(world.requirements.all())
        .hasSize(2)
        .extracting(PaymentRequirement::checkout)
        .containsOnly(world.requirements.all().get(0).checkout());
  }

  @Test
  void givenQuoteOnly_the402IsRecordedAsAQuoteWithoutCheckout() {
    PaymentWorld rich = new PaymentWorld(100);
    AccountId bob = rich.newAccount();

    paymentRequired(rich, command(bob, true));

    assertThat(rich.requirements.all())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.quoteOnly()).isTrue();
              assertThat(r.checkout()).isEmpty();
              assertThat(r.balanceCredits()).isEqualTo(100);
              assertThat(r.price()).contains(new Money(100, "usd"));
            });
  }

  @Test
  void givenTheLogIsDown_simulate_stillAnswers402WithTheCheckout() {
    world.requirements.failing(true);

    PaymentDemand required = paymentRequired(world, command(alice, false));

    assertThat(required.offer().orElseThrow().checkout()).isPresent();
    assertThat(world.requirements.all()).isEmpty();
  }

  @Test
  void givenCredits_aRunRecordsNoRequirement() {
    PaymentWorld rich = new PaymentWorld(100);
    AccountId bob = rich.newAccount();

    rich.simulate.simulate(command(bob, false)).block();

    assertThat(rich.requirements.all()).isEmpty();
  }

  private static PaymentDemand paymentRequired(PaymentWorld world, SimulateCommand command) {
    SimulationOutcome outcome = world.simulate.simulate(command).block();
    assertThat(outcome).isInstanceOf(SimulationOutcome.PaymentRequired.class);
    return ((SimulationOutcome.PaymentRequired) outcome).demand();
  }

  private static SimulateCommand command(AccountId caller, boolean quoteOnly) {
    return new SimulateCommand(
        caller,
        Tier.FREE,
        PaymentWorld.MODEL,
        OptionalDouble.empty(),
        OptionalDouble.of(1.0),
        OptionalDouble.empty(),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        new PaymentChoice(Optional.empty(), quoteOnly, CheckoutOptions.DEFAULT),
        Map.of());
  }
}
