package com.fmugateway.domain.simulation.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.account.model.Tier;
import com.fmugateway.domain.billing.model.PaymentChoice;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.simulation.port.in.SimulateCommand;
import com.fmugateway.domain.simulation.port.in.SimulateCommand.SignalSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The normal form that decides whether a run asked again reuses its pending checkout. */
class RunRequestsTest {

  @Test
  void int64ValuesThatOneDoubleWouldMerge_areDifferentRuns() {
    String lower = key(Map.of("k", 9007199254740992L), List.of(9007199254740992L));
    String upper = key(Map.of("k", 9007199254740993L), List.of(9007199254740992L));
    String upperSignal = key(Map.of("k", 9007199254740992L), List.of(9007199254740993L));

    assertThat(upper).isNotEqualTo(lower);
    assertThat(upperSignal).isNotEqualTo(lower);
  }

  @Test
  void theSameNumberSpeltTwoWays_isTheSameRun() {
    assertThat(key(Map.of("k", 2), List.of(List.of(1, 0.5))))
        .isEqualTo(key(Map.of("k", 2.0), List.of(List.of(1.0, 0.50))));
  }

  private static String key(Map<String, Object> starts, List<Object> samples) {
    SimulateCommand command =
        new SimulateCommand(
            AccountId.random(),
            Tier.FREE,
            FmuId.library("Feedthrough3"),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            starts,
            List.of(new SignalSpec("k", new double[] {0}, samples, null)),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            PaymentChoice.CREDITS,
            Map.of());
    return RunRequests.of(command, "lib:Feedthrough3");
  }
}
