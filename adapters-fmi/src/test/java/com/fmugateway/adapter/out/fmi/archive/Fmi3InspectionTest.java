package com.fmugateway.adapter.out.fmi.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.fmu.model.ArrayDimension;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ContinuousStates;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.InspectedFmu;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.fmu.model.VariableType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FMI 3.0 uploads: our own library FMUs as built, and hand-made descriptions for the refusals. */
class Fmi3InspectionTest {

  private static final String INTERFACES =
      "<ModelExchange modelIdentifier=\"Lag\"/><CoSimulation modelIdentifier=\"Lag\"/>";

  @TempDir Path folder;

  @Test
  void givenFeedthrough3_inspect_readsEveryFmi3TypeAndItsStartValue() {
    ModelDescription description = library("Feedthrough3").description();

    assertThat(description.fmiVersion()).isEqualTo("3.0");
    assertThat(description.guid()).isEqualTo("{6a1d7e0c-3b8f-4f7e-9a44-0c1f2e5d9b31}");
    assertThat(description.interfaces())
        .containsExactlyInAnyOrder(FmuInterface.CO_SIMULATION, FmuInterface.MODEL_EXCHANGE);
    assertThat(description.variables())
        .extracting(ModelVariable::type)
        .contains(
            VariableType.FLOAT32,
            VariableType.FLOAT64,
            VariableType.INT8,
            VariableType.UINT8,
            VariableType.INT16,
            VariableType.UINT16,
            VariableType.INT32,
            VariableType.UINT32,
            VariableType.INT64,
            VariableType.UINT64,
            VariableType.BOOLEAN,
            VariableType.STRING,
            VariableType.BINARY);
    assertThat(start(description, "Int64_input")).isEqualTo("9007199254740993");
    assertThat(start(description, "UInt64_input")).isEqualTo("18446744073709551615");
    assertThat(start(description, "String_input")).isEqualTo("Grüße");
    assertThat(start(description, "Binary_input")).isEqualTo("00ff7f80");
    assertThat(description.variable("Int8_output").orElseThrow().variability())
        .isEqualTo(Variability.DISCRETE);
    assertThat(description.variable("Float32_output").orElseThrow().variability())
        .isEqualTo(Variability.CONTINUOUS);
    assertThat(description.defaultExperiment().stepSize()).hasValue(0.1);
  }

  @Test
  void givenStateSpace3_inspect_readsFixedDimensionsAndTheStateOfEachDerivative() {
    ModelDescription description = library("StateSpace3").description();

    ModelVariable a = description.variable("A").orElseThrow();
    assertThat(a.dimensions()).containsExactly(ArrayDimension.fixed(3), ArrayDimension.fixed(3));
    assertThat(a.elementCount()).hasValue(9);
    assertThat(a.start()).hasValue("-1 0 0 0 -2 0 0 0 -3");
    ModelVariable derivative = description.variable("der(x)").orElseThrow();
    int state = derivative.derivativeOf().orElseThrow();
    assertThat(description.variables().get(state - 1).name()).isEqualTo("x");
    assertThat(description.continuousStates())
        .isEqualTo(new ContinuousStates(List.of(6L), List.of(7L), true));
  }

  @Test
  void givenClocks3_inspect_readsScheduledExecutionAndEachVariablesClocks() {
    ModelDescription description = library("Clocks3").description();

    assertThat(description.interfaces()).containsExactly(FmuInterface.SCHEDULED_EXECUTION);
    ModelVariable tick = description.variable("tick").orElseThrow();
    assertThat(tick.type()).isEqualTo(VariableType.CLOCK);
    assertThat(tick.clock().orElseThrow().periodic()).isTrue();
    assertThat(tick.clock().orElseThrow().interval()).hasValue(0.5);
    assertThat(description.variable("trigger").orElseThrow().clock().orElseThrow())
        .extracting(c -> c.intervalVariability())
        .isEqualTo("triggered");
    assertThat(description.variable("sum").orElseThrow().clocks()).containsExactly("trigger");
    assertThat(description.variable("delay").orElseThrow().unit()).hasValue("s");
  }

  @Test
  void givenArraySizedByAStructuralParameter_inspect_namesTheParameterAndItsSize() {
    ModelDescription description =
        inspect(
                """
                <ModelVariables>
                  <UInt64 name="n" valueReference="1" causality="structuralParameter"
                      variability="fixed" start="4"/>
                  <Float64 name="x" valueReference="2" causality="output">
                    <Dimension valueReference="1"/>
                  </Float64>
                </ModelVariables>
                """)
            .description();

    ModelVariable x = description.variable("x").orElseThrow();
    assertThat(x.dimensions())
        .containsExactly(new ArrayDimension(OptionalLong.of(4), Optional.of("n")));
    assertThat(description.variable("n").orElseThrow().causality())
        .isEqualTo(Causality.STRUCTURAL_PARAMETER);
  }

  @Test
  void givenEventIndicatorsInTheModelStructure_inspect_countsThem() {
    ModelDescription description =
        inspect(
                """
                <ModelVariables>
                  <Float64 name="h" valueReference="1"/>
                  <Float64 name="z" valueReference="2"/>
                </ModelVariables>
                <ModelStructure>
                  <EventIndicator valueReference="1"/>
                  <EventIndicator valueReference="2"/>
                </ModelStructure>
                """)
            .description();

    assertThat(description.numberOfEventIndicators()).isEqualTo(2);
    assertThat(description.variable("h").orElseThrow().min()).isEqualTo(OptionalDouble.empty());
    assertThat(description.variable("h").orElseThrow().derivativeOf())
        .isEqualTo(OptionalInt.empty());
  }

  @Test
  void givenAnFmi2TypeElement_inspect_namesTheFmi3Types() {
    assertRejected("<ModelVariables><Real name=\"x\" valueReference=\"1\"/></ModelVariables>")
        .hasMessageStartingWith(
            "modelDescription.xml: <ModelVariables> holds <Real>, which is no FMI 3.0 variable"
                + " type");
  }

  @Test
  void givenADimensionReferringToNoVariable_inspect_namesTheReference() {
    assertRejected(
            """
            <ModelVariables>
              <Float64 name="x" valueReference="1"><Dimension valueReference="9"/></Float64>
            </ModelVariables>
            """)
        .hasMessage(
            "modelDescription.xml: Float64 \"x\" refers in a <Dimension> to valueReference 9,"
                + " which no variable has");
  }

  @Test
  void givenClocksNamingANonClock_inspect_refusesIt() {
    assertRejected(
            """
            <ModelVariables>
              <Int32 name="k" valueReference="1"/>
              <Int32 name="y" valueReference="2" clocks="1"/>
            </ModelVariables>
            """)
        .hasMessage(
            "modelDescription.xml: Int32 \"y\" lists Int32 \"k\" in clocks, but it is no Clock");
  }

  @Test
  void givenTwoVariablesWithOneValueReference_inspect_refusesIt() {
    assertRejected(
            """
            <ModelVariables>
              <Float64 name="a" valueReference="1"/>
              <Float64 name="b" valueReference="1"/>
            </ModelVariables>
            """)
        .hasMessage(
            "modelDescription.xml: Float64 \"b\" has valueReference 1, which Float64 \"a\""
                + " already has");
  }

  @Test
  void givenOnlyAnFmi2LinuxBinary_inspect_asksForTheFmi3PlatformFolder() {
    byte[] zip =
        new TestZip()
            .with("modelDescription.xml", description(INTERFACES, "<ModelVariables/>"))
            .with("binaries/linux64/Lag.so", "elf")
            .bytes();

    assertThatThrownBy(() -> TestFmu.inspect(zip, folder))
        .isInstanceOf(InvalidFmuException.class)
        .hasMessage(
            "The FMU has no x86_64 Linux binary: expected binaries/x86_64-linux/Lag.so; export it"
                + " for Linux x86_64 (it ships linux64)");
  }

  private InspectedFmu library(String model) {
    try {
      Path fmu = Path.of(getClass().getResource("/fmi/library3/" + model + ".fmu").toURI());
      return new FmuArchiveInspector().inspectNow(fmu);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private InspectedFmu inspect(String body) {
    return TestFmu.inspect(archive(body), folder);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String body) {
    return assertThatThrownBy(() -> inspect(body)).isInstanceOf(InvalidFmuException.class);
  }

  private static byte[] archive(String body) {
    return new TestZip()
        .with("modelDescription.xml", description(INTERFACES, body))
        .with("binaries/x86_64-linux/Lag.so", "not really an ELF file")
        .bytes();
  }

  private static String description(String interfaces, String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <fmiModelDescription fmiVersion="3.0" modelName="Lag" instantiationToken="{t}">
          %s
          %s
        </fmiModelDescription>
        """
        .formatted(interfaces, body);
  }

  private static String start(ModelDescription description, String name) {
    return description.variable(name).orElseThrow().start().orElseThrow();
  }
}
