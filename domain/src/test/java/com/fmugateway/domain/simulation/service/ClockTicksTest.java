package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.fixtures.Models;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ClockTiming;
import com.fmugateway.domain.fmu.model.DefaultExperiment;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.fmu.model.VariableType;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationSettings;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Planning a scheduled execution run: which clock ticks a caller may give, and the limits. */
class ClockTicksTest {

  private static final ModelDescription CLOCKS = clocksModel();
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

  /** Like the library's Clocks3, cut down; offers cs as well, to test the interface check. */
  private static ModelDescription clocksModel() {
    return new ModelDescription(
        "3.0",
        "Clocks",
        "{00000000-0000-0000-0000-000000000030}",
        Optional.empty(),
        Optional.empty(),
        Map.of(FmuInterface.SCHEDULED_EXECUTION, "Clocks", FmuInterface.CO_SIMULATION, "Clocks"),
        0,
        List.of(
            clock("tick", 1, Causality.INPUT, "constant", OptionalDouble.of(0.5)),
            clock("trigger", 2, Causality.INPUT, "triggered", OptionalDouble.empty()),
            clock("outClock", 4, Causality.OUTPUT, "triggered", OptionalDouble.empty()),
            Models.variable(
                "ticks", 5, VariableType.INT32, Causality.OUTPUT, Variability.DISCRETE, null)),
        DefaultExperiment.none());
  }

  private static ModelVariable clock(
      String name, long vr, Causality causality, String variability, OptionalDouble interval) {
    ModelVariable base =
        Models.variable(name, vr, VariableType.CLOCK, causality, Variability.DISCRETE, null);
    return new ModelVariable(
        base.name(),
        base.valueReference(),
        base.type(),
        base.causality(),
        base.variability(),
        Optional.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        List.of(),
        List.of(),
        Optional.of(
            new ClockTiming(variability, interval, OptionalDouble.empty(), OptionalInt.of(0))));
  }
}
