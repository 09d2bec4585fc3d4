package com.fmugateway.adapter.out.persistence.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.simulation.model.RunRequest;
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
