package com.fmugateway.adapter.out.fmi.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives refused for what their modelDescription.xml says, or for not having one. */
class DescriptionRejectionTest {

  private static final String BOTH =
      "<ModelExchange modelIdentifier=\"Lag\"/><CoSimulation modelIdentifier=\"Lag\"/>";

  @TempDir Path folder;

  @Test
  void givenNoModelDescription_inspect_rejectsTheArchive() {
    byte[] zip = TestFmu.archive().without("modelDescription.xml").bytes();

    assertRejected(zip)
        .hasMessage(
            "The archive has no modelDescription.xml at its root; an FMU must have one there");
  }

  @Test
  void givenModelDescriptionInsideAFolder_inspect_saysToZipTheFolderContents() {
    String description = TestFmu.description(TestFmu.VARIABLES);
    byte[] zip =
        new TestZip()
            .with("Lag/modelDescription.xml", description)
            .with("Lag/" + TestFmu.BINARY, "elf")
            .bytes();

    assertRejected(zip)
        .hasMessage(
            "The archive has no modelDescription.xml at its root; an FMU must have one there"
                + " (found \"Lag/modelDescription.xml\": zip the contents of the FMU folder, not"
                + " the folder itself)");
  }

  @Test
  void givenMalformedXml_inspect_rejectsItWithTheParsersReasonAndPlace() {
    String unclosed = "<ModelVariables>\n<ScalarVariable name=\"x\" valueReference=\"0\">\n";
    byte[] zip = TestFmu.archive(TestFmu.description(unclosed)).bytes();

    // The parser notices at the root's end tag, on line 9 of the template.
    assertRejected(zip)
        .hasMessage(
            "modelDescription.xml is not well-formed XML (line 9, column 3): The element type"
                + " \"ScalarVariable\" must be terminated by the matching end-tag"
                + " \"</ScalarVariable>\".");
  }

  @Test
  void givenDoctypeWithExternalEntity_inspect_refusesTheDoctype() {
    String xxe =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE fmiModelDescription [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>\n"
            + "<fmiModelDescription fmiVersion=\"2.0\" modelName=\"&leak;\" guid=\"g\"/>";

    assertRejected(TestFmu.archive(xxe).bytes())
        .hasMessage("modelDescription.xml must not declare a DOCTYPE or external entities");
  }

  @Test
  void givenDoctypeWithEntityExpansion_inspect_refusesTheDoctype() {
    String laughs =
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<fmiModelDescription fmiVersion=\"2.0\" modelName=\"&lol2;\" guid=\"g\"/>";

    assertRejected(TestFmu.archive(laughs).bytes())
        .hasMessage("modelDescription.xml must not declare a DOCTYPE or external entities");
  }

  @Test
  void givenHostilelyDeepNesting_inspect_stopsAtTheDepthLimit() {
    String deep =
        "<VendorAnnotations>" + "<a>".repeat(200) + "</a>".repeat(200) + "</VendorAnnotations>";

    assertRejected(TestFmu.archive(TestFmu.description(deep)).bytes())
        .hasMessageStartingWith("modelDescription.xml is not well-formed XML (line 6, column ")
        .hasMessageContaining("exceeds the limit \"100\"");
  }

  @Test
  void givenFmi1_inspect_saysToReexportAsFmi2() {
    byte[] zip = TestFmu.archive(TestFmu.description("1.0", BOTH, "")).bytes();

    assertRejected(zip)
        .hasMessage("FMI 1.0 is no longer supported; re-export the model as an FMI 2.0 FMU");
  }

  @Test
  void givenUnknownFmiVersion_inspect_namesIt() {
    byte[] zip = TestFmu.archive(TestFmu.description("2.1", BOTH, "")).bytes();

    assertRejected(zip)
        .hasMessage("modelDescription.xml has fmiVersion \"2.1\"; upload an FMI 2.0 or 3.0 FMU");
  }

  @Test
  void givenAnotherRootElement_inspect_rejectsIt() {
    assertRejected(TestFmu.archive("<model fmiVersion=\"2.0\"/>").bytes())
        .hasMessage(
            "modelDescription.xml must have <fmiModelDescription> as its root element, not"
                + " <model>");
  }

  @Test
  void givenNeitherCoSimulationNorModelExchange_inspect_rejectsIt() {
    byte[] zip = TestFmu.archive(TestFmu.description("2.0", "", TestFmu.VARIABLES)).bytes();

    assertRejected(zip)
        .hasMessage(
            "modelDescription.xml declares neither <CoSimulation> nor <ModelExchange>, so the FMU"
                + " offers nothing to run");
  }

  @Test
  void givenInterfaceWithoutModelIdentifier_inspect_rejectsIt() {
    String interfaces = "<ModelExchange modelIdentifier=\"Lag\"/><CoSimulation/>";
    byte[] zip = TestFmu.archive(TestFmu.description("2.0", interfaces, "")).bytes();

    assertRejected(zip)
        .hasMessage("modelDescription.xml: <CoSimulation> has no modelIdentifier attribute");
  }

  @Test
  void givenModelIdentifierThatIsAPath_inspect_rejectsIt() {
    String interfaces = "<CoSimulation modelIdentifier=\"../../tmp/evil\"/>";
    byte[] zip = TestFmu.archive(TestFmu.description("2.0", interfaces, "")).bytes();

    assertRejected(zip)
        .hasMessage(
            "modelDescription.xml: <CoSimulation> has modelIdentifier \"../../tmp/evil\", which"
                + " is not a C identifier (letters, digits and underscores, not starting with a"
                + " digit)");
  }

  @Test
  void givenUnknownCausality_inspect_listsTheAllowedOnes() {
    byte[] zip = TestFmu.archive(TestFmu.description(variable("causality=\"sideways\""))).bytes();

    assertRejected(zip)
        .hasMessage(
            "modelDescription.xml: ScalarVariable \"x\" has causality=\"sideways\", but it must"
                + " be one of parameter, calculatedParameter, input, output, local, independent");
  }

  @Test
  void givenValueReferenceBeyond32Bits_inspect_rejectsIt() {
    String variables =
        "<ModelVariables><ScalarVariable name=\"x\" valueReference=\"4294967296\"><Real/>"
            + "</ScalarVariable></ModelVariables>";

    assertRejected(TestFmu.archive(TestFmu.description(variables)).bytes())
        .hasMessage(
            "modelDescription.xml: ScalarVariable \"x\" has valueReference=\"4294967296\", but it"
                + " must be an integer from 0 to 4294967295");
  }

  @Test
  void givenVariableWithoutTypeElement_inspect_rejectsIt() {
    String variables =
        "<ModelVariables><ScalarVariable name=\"x\" valueReference=\"0\"/></ModelVariables>";

    assertRejected(TestFmu.archive(TestFmu.description(variables)).bytes())
        .hasMessage(
            "modelDescription.xml: ScalarVariable \"x\" has no type element (Real, Integer,"
                + " Boolean, String or Enumeration)");
  }

  @Test
  void givenDerivativeOfAMissingVariable_inspect_rejectsIt() {
    String variables =
        "<ModelVariables><ScalarVariable name=\"der(x)\" valueReference=\"0\">"
            + "<Real derivative=\"7\"/></ScalarVariable></ModelVariables>";

    assertRejected(TestFmu.archive(TestFmu.description(variables)).bytes())
        .hasMessage(
            "modelDescription.xml: ScalarVariable \"der(x)\" is the derivative of variable 7, but"
                + " variables are numbered 1 to 1");
  }

  @Test
  void givenTwoVariablesWithOneName_inspect_rejectsThem() {
    String variables =
        "<ModelVariables>"
            + "<ScalarVariable name=\"x\" valueReference=\"0\"><Real/></ScalarVariable>"
            + "<ScalarVariable name=\"x\" valueReference=\"1\"><Real/></ScalarVariable>"
            + "</ModelVariables>";

    assertRejected(TestFmu.archive(TestFmu.description(variables)).bytes())
        .hasMessage("modelDescription.xml: two ScalarVariables are named \"x\"");
  }

  private static String variable(String attributes) {
    return "<ModelVariables><ScalarVariable name=\"x\" valueReference=\"0\" "
        + attributes
        + "><Real/></ScalarVariable></ModelVariables>";
  }

  @Test
  void givenOneVariableMoreThanTheDefaultLimit_inspect_refusesItNamingTheLimit() {
    String body = variables(ArchiveLimits.DEFAULT_MAX_VARIABLES + 1);

    assertRejected(TestFmu.archive(TestFmu.description(body)).bytes())
        .hasMessage("modelDescription.xml declares more than 50,000 variables");
  }

  @Test
  void givenExactlyTheDefaultLimitOfVariables_inspect_acceptsIt() {
    String body = variables(ArchiveLimits.DEFAULT_MAX_VARIABLES);

    assertThat(TestFmu.inspect(TestFmu.archive(TestFmu.description(body)).bytes(), folder))
        .extracting(i -> i.description().variables().size())
        .isEqualTo(ArchiveLimits.DEFAULT_MAX_VARIABLES);
  }

  @Test
  void givenADescriptionLargerThanTheDefault10MiB_inspect_refusesItNamingTheLimit() {
    // Few variables with long descriptions: bytes are bounded on their own. Random text, so the
    // archive does not look like a zip bomb.
    Random random = new Random(42);
    StringBuilder body = new StringBuilder("<ModelVariables>");
    for (int i = 0; i < 1_100; i++) {
      byte[] noise = new byte[7_500];
      random.nextBytes(noise);
      body.append("<ScalarVariable name=\"x")
          .append(i)
          .append("\" valueReference=\"")
          .append(i)
          .append("\" description=\"")
          .append(Base64.getEncoder().encodeToString(noise))
          .append("\"><Real/></ScalarVariable>");
    }
    body.append("</ModelVariables>");

    assertRejected(TestFmu.archive(TestFmu.description(body.toString())).bytes())
        .hasMessage("modelDescription.xml is larger than 10 MiB");
  }

  /** {@code count} Real locals. */
  private static String variables(int count) {
    StringBuilder xml = new StringBuilder("<ModelVariables>");
    for (int i = 0; i < count; i++) {
      xml.append("<ScalarVariable name=\"x")
          .append(i)
          .append("\" valueReference=\"")
          .append(i)
          .append("\"><Real/></ScalarVariable>");
    }
    return xml.append("</ModelVariables>").toString();
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(byte[] zip) {
    return assertThatThrownBy(() -> TestFmu.inspect(zip, folder))
        .isInstanceOf(InvalidFmuException.class);
  }
}
