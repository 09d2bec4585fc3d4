package com.fmugateway.adapter.out.persistence.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.simulation.model.RunRequest;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RunRequestJsonTest {

  @Test
  void aScheduledExecutionRequest_keepsItsClockTicks() {
    RunRequest request = request(Map.of("trigger", List.of(0.3, 1.0, 2.25)), Optional.of("se"));

    String json = RunRequestJson.write(request);

    assertThat(json).contains("\"clock_ticks\":{\"trigger\":[0.3,1.0,2.25]}");
    assertThat(RunRequestJson.read(json)).isEqualTo(request);
  }

  @Test
  void aRequestWithoutClockTicks_leavesTheFieldOut() {
    RunRequest request = request(Map.of(), Optional.empty());

    String json = RunRequestJson.write(request);

    assertThat(json).doesNotContain("clock_ticks");
    assertThat(RunRequestJson.read(json)).isEqualTo(request);
  }

  @Test
  void typedSignalsAndStartValues_comeBackExactlyWithoutADoubleOnTheWay() {
    List<RunRequest.Signal> signals =
        List.of(
            new RunRequest.Signal(
                "Int64_input", List.of(0.0, 0.5), List.of(9007199254740993L, 3), "hold"),
            new RunRequest.Signal(
                "UInt64_input",
                List.of(0.0),
                List.of(new BigInteger("18446744073709551615")),
                null),
            new RunRequest.Signal(
                "u", List.of(0.0, 1.0), List.of(List.of(0.5, 2), List.of(1.0, -1)), "linear"),
            new RunRequest.Signal("Boolean_input", List.of(0.0), List.of(true), null),
            new RunRequest.Signal("Binary_input", List.of(0.0), List.of("cafe"), null));
    Map<String, Object> starts = new LinkedHashMap<>();
    starts.put("Int64_input", 9007199254740993L);
    starts.put("x", List.of(1.5, 2));
    RunRequest request =
        new RunRequest(
            OptionalDouble.empty(),
            OptionalDouble.of(1),
            OptionalDouble.empty(),
            starts,
            signals,
            List.of(),
            List.of(),
            Optional.of("cs"),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            Map.of());

    String json = RunRequestJson.write(request);

    assertThat(json)
        .contains("\"values\":[9007199254740993,3]")
        .contains("\"values\":[18446744073709551615]")
        .contains("\"values\":[[0.5,2],[1.0,-1]]");
    assertThat(RunRequestJson.read(json)).isEqualTo(request);
  }

  private static RunRequest request(Map<String, List<Double>> ticks, Optional<String> iface) {
    return new RunRequest(
        OptionalDouble.empty(),
        OptionalDouble.of(5),
        OptionalDouble.empty(),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        iface,
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        ticks);
  }
}
