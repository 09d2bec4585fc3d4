package com.fmugateway.adapter.out.fmi.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ContinuousStates;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.fmu.model.VariableType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What FMI 2.0 leaves implicit: attribute defaults, declared types, optional parts. */
class DescriptionParsingTest {

  @TempDir Path folder;

  @Test
  void givenVariableWithoutCausalityOrVariability_inspect_appliesTheFmi2Defaults() {
    ModelVariable x =
        variable(
            "<ModelVariables><ScalarVariable name=\"x\" valueReference=\"4294967295\">"
                + "<Integer/></ScalarVariable></ModelVariables>");

    assertThat(x.causality()).isEqualTo(Causality.LOCAL);
    assertThat(x.variability()).isEqualTo(Variability.CONTINUOUS);
    assertThat(x.initial()).isEmpty();
    assertThat(x.valueReference()).isEqualTo(4294967295L);
    assertThat(x.type()).isEqualTo(VariableType.INTEGER);
  }

  @Test
  void givenDeclaredType_inspect_inheritsWhatTheVariableLeavesOut() {
    String body =
        """
        <TypeDefinitions>
          <SimpleType name="Length"><Real unit="m" min="0" max="INF" nominal="10"/></SimpleType>
        </TypeDefinitions>
        <ModelVariables>
          <ScalarVariable name="x" valueReference="0" causality="parameter" variability="fixed">
            <Real declaredType="Length" max="100" start="2.5"/>
          </ScalarVariable>
          <ScalarVariable name="y" valueReference="1">
            <Real declaredType="Length" unit="mm"/>
          </ScalarVariable>
        </ModelVariables>
        """;
    ModelDescription description = parse(body);

    ModelVariable x = description.variable("x").orElseThrow();
    assertThat(x.unit()).contains("m");
    assertThat(x.min()).isEqualTo(OptionalDouble.of(0));
    assertThat(x.max()).isEqualTo(OptionalDouble.of(100));
    assertThat(x.nominal()).isEqualTo(OptionalDouble.of(10));
    assertThat(x.start()).contains("2.5");
    assertThat(description.variable("y").orElseThrow().unit()).contains("mm");
    assertThat(description.variable("y").orElseThrow().max())
        .isEqualTo(OptionalDouble.of(Double.POSITIVE_INFINITY));
  }

  @Test
  void givenEveryVariableType_inspect_readsEach() {
    String body =
        """
        <TypeDefinitions>
          <SimpleType name="Mode"><Enumeration><Item name="off" value="1"/></Enumeration></SimpleType>
        </TypeDefinitions>
        <ModelVariables>
          <ScalarVariable name="r" valueReference="0"><Real/></ScalarVariable>
          <ScalarVariable name="i" valueReference="0"><Integer min="-3"/></ScalarVariable>
          <ScalarVariable name="b" valueReference="0"><Boolean start="true"/></ScalarVariable>
          <ScalarVariable name="s" valueReference="0"><String start="hi"/></ScalarVariable>
          <ScalarVariable name="e" valueReference="1"><Enumeration declaredType="Mode"/></ScalarVariable>
        </ModelVariables>
        """;

    assertThat(parse(body).variables())
        .extracting(ModelVariable::type)
        .containsExactly(
            VariableType.REAL,
            VariableType.INTEGER,
            VariableType.BOOLEAN,
            VariableType.STRING,
            VariableType.ENUMERATION);
  }

  @Test
  void givenNoOptionalParts_inspect_leavesThemEmpty() {
    String bare =
        "<fmiModelDescription fmiVersion=\"2.0\" modelName=\"Lag\" guid=\"{1}\">"
            + "<CoSimulation modelIdentifier=\"Lag\"/></fmiModelDescription>";

    ModelDescription description =
        TestFmu.inspect(TestFmu.archive(bare).bytes(), folder).description();

    assertThat(description.description()).isEmpty();
    assertThat(description.generationTool()).isEmpty();
    assertThat(description.numberOfEventIndicators()).isZero();
    assertThat(description.variables()).isEmpty();
    assertThat(description.defaultExperiment().stopTime()).isEmpty();
  }

  @Test
  void givenVendorAnnotationsWithLookalikeElements_inspect_ignoresThem() {
    String body =
        """
        <VendorAnnotations><Tool name="t"><ModelVariables>
          <ScalarVariable name="fake" valueReference="oops"><Real/></ScalarVariable>
        </ModelVariables></Tool></VendorAnnotations>
        """
            + TestFmu.VARIABLES;

    assertThat(parse(body).variables()).extracting(ModelVariable::name).containsExactly("u", "y");
  }

  @Test
  void givenDerivativeAttribute_inspect_keepsItAsDerivativeOf() {
    String body =
        """
        <ModelVariables>
          <ScalarVariable name="x" valueReference="0" description="state"><Real start="1"/></ScalarVariable>
          <ScalarVariable name="der(x)" valueReference="1"><Real derivative="1"/></ScalarVariable>
        </ModelVariables>
        """;
    ModelDescription description = parse(body);

    assertThat(description.variable("der(x)").orElseThrow().derivativeOf())
        .isEqualTo(OptionalInt.of(1));
    assertThat(description.variable("x").orElseThrow().derivativeOf()).isEmpty();
    assertThat(description.variable("x").orElseThrow().description())
        .isEqualTo(Optional.of("state"));
  }

  @Test
  void givenDirectionalDerivatives_inspect_pairsStatesAndDerivativesInModelStructureOrder() {
    String body =
        """
        <ModelVariables>
          <ScalarVariable name="x" valueReference="10"><Real start="1"/></ScalarVariable>
          <ScalarVariable name="der(x)" valueReference="11"><Real derivative="1"/></ScalarVariable>
          <ScalarVariable name="v" valueReference="20"><Real start="0"/></ScalarVariable>
          <ScalarVariable name="der(v)" valueReference="21"><Real derivative="3"/></ScalarVariable>
        </ModelVariables>
        <ModelStructure><Derivatives>
          <Unknown index="4"/><Unknown index="2"/>
        </Derivatives></ModelStructure>
        """;
    String xml =
        TestFmu.description(
            "2.0",
            "<ModelExchange modelIdentifier=\"Lag\" providesDirectionalDerivative=\"true\"/>",
            body);

    ModelDescription description =
        TestFmu.inspect(TestFmu.archive(xml).bytes(), folder).description();

    assertThat(description.continuousStates())
        .isEqualTo(new ContinuousStates(List.of(20L, 10L), List.of(21L, 11L), true));
  }

  @Test
  void givenNoDirectionalDerivativeFlag_inspect_saysTheFmuProvidesNone() {
    String body =
        """
        <ModelVariables>
          <ScalarVariable name="x" valueReference="0"><Real start="1"/></ScalarVariable>
          <ScalarVariable name="der(x)" valueReference="1"><Real derivative="1"/></ScalarVariable>
        </ModelVariables>
        <ModelStructure><Derivatives><Unknown index="2"/></Derivatives></ModelStructure>
        """;

    ContinuousStates states = parse(body).continuousStates();

    assertThat(states.directionalDerivatives()).isFalse();
    assertThat(states.states()).containsExactly(0L);
  }

  @Test
  void givenADerivativesEntryThatIsNoDerivative_inspect_acceptsTheFmuWithoutAStateOrder() {
    String body =
        """
        <ModelVariables>
          <ScalarVariable name="x" valueReference="0"><Real start="1"/></ScalarVariable>
        </ModelVariables>
        <ModelStructure><Derivatives><Unknown index="1"/></Derivatives></ModelStructure>
        """;

    assertThat(parse(body).continuousStates()).isEqualTo(ContinuousStates.unknown());
  }

  private ModelVariable variable(String body) {
    return parse(body).variables().get(0);
  }

  private ModelDescription parse(String body) {
    return TestFmu.inspect(TestFmu.archive(TestFmu.description(body)).bytes(), folder)
        .description();
  }
}
