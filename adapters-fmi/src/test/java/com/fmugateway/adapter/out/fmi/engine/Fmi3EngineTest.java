package com.fmugateway.adapter.out.fmi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** FMI 3.0 runs through the engine, with our own C FMUs as built by Maven. */
class Fmi3EngineTest {

  private static final SimulationEngine ENGINE = TestEngine.SHARED;

  @Test
  void givenInt64AndUInt64StartValues_coSimulation_returnsThemExactly() {
    Path fmu = library("Feedthrough3");
    ModelDescription description = new FmuArchiveInspector().inspectNow(fmu).description();
    Plans plans =
        Plans.forDescription(description)
            .until(1, 0.5)
            .start("Int64_input", 9007199254740993L)
            .start("UInt64_input", -1L)
            .start("Binary_input", "cafe00")
            .outputs("Int64_output", "UInt64_output", "Binary_output", "Float64_output");

    SimulationResult result = ENGINE.run(fmu, description, plans.build());

    assertThat(result.time()).containsExactly(0, 0.5, 1);
    assertThat(result.column("Int64_output").orElseThrow().valueAt(2)).isEqualTo(9007199254740993L);
    assertThat(result.column("UInt64_output").orElseThrow().valueAt(2).toString())
        .isEqualTo("18446744073709551615");
    assertThat(result.column("Binary_output").orElseThrow().valueAt(2)).isEqualTo("cafe00");
    assertThat(result.column("Float64_output").orElseThrow().valueAt(0)).isEqualTo(0.1);
  }

  @Test
  void givenAHeldSignalOnAFloat64Input_coSimulation_passesItsValueAtEachCommunicationPoint() {
    Path fmu = library("Feedthrough3");
    ModelDescription description = new FmuArchiveInspector().inspectNow(fmu).description();
    Plans plans =
        Plans.forDescription(description)
            .until(1, 0.25)
            .input(
                "Float64_input",
                com.fmugateway.domain.simulation.model.Interpolation.HOLD,
                new double[] {0, 0.5},
                new double[] {1, 2})
            .outputs("Float64_output");

    SimulationResult result = ENGINE.run(fmu, description, plans.build());

    assertThat(((Column.Real) result.column("Float64_output").orElseThrow()).values())
        .containsExactly(1, 1, 2, 2, 2);
  }

  @Test
  void givenStateSpace3_coSimulation_givesOneColumnPerArrayElementFollowingTheDecay() {
    Path fmu = library("StateSpace3");
    ModelDescription description = new FmuArchiveInspector().inspectNow(fmu).description();
    Plans plans = Plans.forDescription(description).until(1, 0.1).outputs("y");

    SimulationResult result = ENGINE.run(fmu, description, plans.build());

    assertThat(result.columns()).extracting(Column::name).containsExactly("y[1]", "y[2]", "y[3]");
    // der(x) = diag(-1, -2, -3) x from x(0) = 1, u = 0: y = x = exp(-k t).
    double[] y2 = ((Column.Real) result.column("y[2]").orElseThrow()).values();
    assertThat(y2[y2.length - 1])
        .isCloseTo(Math.exp(-2), org.assertj.core.data.Offset.offset(1e-3));
  }

  private static Path library(String model) {
    try {
      return Path.of(Fmi3EngineTest.class.getResource("/fmi/library3/" + model + ".fmu").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
