package com.fmugateway.domain.billing.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.billing.model.RunFunding;
import com.fmugateway.domain.billing.port.in.SecureRunCommand;
import com.fmugateway.domain.fixtures.PaymentWorld;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Paying for a run from credits: what is held, what is captured, what comes back. */
class RunBillingServiceTest {

  private final PaymentWorld world = new PaymentWorld(100);
  private final AccountId alice = world.newAccount();

  @Test
  void aSettledRun_capturesItsCostAndGivesTheRestOfTheHoldBack() {
    UUID run = UUID.randomUUID();
    RunFunding.Secured funding = secure(run);

    long charged =
        world.billing.settle(alice, run, funding, Duration.ofMillis(5)).block().credits();

    assertThat(charged).isEqualTo(10);
    assertThat(world.ledger.balance(alice).block()).isEqualTo(90);
  }

  @Test
  void aHoldReleasedBeforeItsRunSettles_chargesNothingAndSaysSo() {
    UUID run = UUID.randomUUID();
    RunFunding.Secured funding = secure(run);
    world.billing.release(funding).block(); // as the stale-hold job does for a run it thinks dead

    long charged =
        world.billing.settle(alice, run, funding, Duration.ofMillis(5)).block().credits();

    assertThat(charged).isZero();
    assertThat(world.ledger.balance(alice).block()).isEqualTo(100);
  }

  private RunFunding.Secured secure(UUID run) {
    RunFunding funding =
        world
            .billing
            .secure(
                new SecureRunCommand(
                    alice,
                    Tier.FREE,
                    run,
                    PaymentWorld.MODEL.value(),
                    () -> "run",
                    Duration.ofSeconds(20),
                    PaymentChoice.CREDITS,
                    Optional.empty()))
            .block();
    assertThat(funding).isInstanceOf(RunFunding.ByCredits.class);
    return (RunFunding.Secured) funding;
  }
}
