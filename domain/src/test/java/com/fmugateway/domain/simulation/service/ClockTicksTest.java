package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Planning a scheduled execution run: which clock ticks a caller may give, and the limits. */
class ClockTicksTest {

  private static final ModelDescription CLOCKS = Models.clocks();
  private final SimulationPlanner planner =
      new SimulationPlanner(new SimulationSettings(Duration.ofSeconds(20), 100, "test-1"));

  @Test
  void givenTriggerTimes_thePlanCarriesThemAndNoClockAmongTheOutputs() {
    SimulationPlan plan =
        planner.plan(command("se", Map.of("trigger", List.of(0.3, 1.0))), CLOCKS).plan();

    assertThat(plan.fmuInterface()).isEqualTo(FmuInterface.SCHEDULED_EXECUTION);
    assertThat(plan.clockTicks()).isEqualTo(Map.of("trigger", List.of(0.3, 1.0)));
    assertThat(plan.outputs()).extracting(ModelVariable::name).containsExactly("ticks");
  }

  @Test
  void aTickForAnythingButATriggeredInputClock_namesTheClock() {
    assertField(command("se", Map.of("nope", List.of(1.0))), "clockTicks.nope");
    assertField(command("se", Map.of("ticks", List.of(1.0))), "clockTicks.ticks");
    assertField(command("se", Map.of("tick", List.of(1.0))), "clockTicks.tick");
    assertField(command("se", Map.of("outClock", List.of(1.0))), "clockTicks.outClock");
  }

  @Test
  void timesOutsideTheRunOrOutOfOrder_nameTheTime() {
    assertField(command("se", Map.of("trigger", List.of(0.5, 6.0))), "clockTicks.trigger[1]");
    assertField(command("se", Map.of("trigger", List.of(1.0, 1.0))), "clockTicks.trigger[1]");
    assertThatThrownBy(() -> command("se", Map.of("trigger", List.of(Double.NaN))))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("clockTicks.trigger[0]");
  }

  @Test
  void ticksForAnotherInterface_orPastTheOutputLimit_areRefused() {
    assertField(command("cs", Map.of("trigger", List.of(1.0))), "clockTicks");
    List<Double> many = java.util.stream.IntStream.range(0, 95).mapToObj(i -> i * 0.05).toList();
    // 95 triggers and the periodic clock's 11 ticks pass the limit of 100 samples.
    assertField(command("se", Map.of("trigger", many)), "clockTicks");
  }

  private void assertField(SimulateCommand command, String field) {
    assertThatThrownBy(() -> planner.plan(command, CLOCKS))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo(field);
  }

  private static SimulateCommand command(String fmuInterface, Map<String, List<Double>> ticks) {
    return new SimulateCommand(
        AccountId.random(),
        Tier.FREE,
        FmuId.library("Clocks"),
        OptionalDouble.empty(),
        OptionalDouble.of(5),
        OptionalDouble.of(0.5),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.of(fmuInterface),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        PaymentChoice.CREDITS,
        ticks);
  }
}
