package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.DefaultExperiment;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an FMI 3.0 {@code modelDescription.xml}, streamed like its FMI 2.0 sibling: the three
 * interfaces, every variable type with its dimensions, start values and clocks, type definitions,
 * event indicators and the default experiment. Called with the reader on the root element.
 */
final class Fmi3DescriptionParser {

  static final Pattern VERSION = Pattern.compile("3\\.\\d+(\\.\\d+)?(-.+)?");
  private static final int DEEPEST_READ = 4;
  private static final String ROOT = "fmiModelDescription";
  private static final String TYPES = ROOT + "/TypeDefinitions";
  private static final String VARIABLES = ROOT + "/ModelVariables";
  private static final String EVENT_INDICATOR = ROOT + "/ModelStructure/EventIndicator";
  private static final String DERIVATIVE = ROOT + "/ModelStructure/ContinuousStateDerivative";
  private static final Map<String, FmuInterface> INTERFACES =
      Map.of(
          ROOT + "/ModelExchange", FmuInterface.MODEL_EXCHANGE,
          ROOT + "/CoSimulation", FmuInterface.CO_SIMULATION,
          ROOT + "/ScheduledExecution", FmuInterface.SCHEDULED_EXECUTION);
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final XMLStreamReader xml;
  private final int maxVariables;
  private final String[] paths = new String[DEEPEST_READ + 1];
  private final Map<FmuInterface, String> identifiers = new EnumMap<>(FmuInterface.class);
  private final Map<String, TypeDefaults> simpleTypes = new HashMap<>();
  private final List<Fmi3VariableBuilder> variables = new ArrayList<>();
  private int depth;
  private int eventIndicators;
  private final List<Long> derivatives = new ArrayList<>();
  private boolean directionalDerivatives;
  private XmlAttributes root;
  private DefaultExperiment experiment = DefaultExperiment.none();
  private Fmi3VariableBuilder variable;

  private Fmi3DescriptionParser(XMLStreamReader xml, int maxVariables) {
    this.xml = xml;
    this.maxVariables = maxVariables;
  }

  static ModelDescription parseFromRoot(XMLStreamReader xml, int maxVariables)
      throws XMLStreamException {
    return new Fmi3DescriptionParser(xml, maxVariables).read();
  }

  private ModelDescription read() throws XMLStreamException {
    start();
    while (xml.hasNext()) {
      switch (xml.next()) {
        case XMLStreamConstants.DTD -> throw new InvalidFmuException(DescriptionMessages.DOCTYPE);
        case XMLStreamConstants.START_ELEMENT -> start();
        case XMLStreamConstants.END_ELEMENT -> end();
        default -> {}
      }
    }
    return finish();
  }

  private void start() {
    depth++;
    if (depth > DEEPEST_READ) {
      return;
    }
    String element = xml.getLocalName();
    String where = depth == 1 ? element : paths[depth - 1] + "/" + element;
    paths[depth] = where;
    XmlAttributes attributes =
        new XmlAttributes(name -> xml.getAttributeValue(null, name), "<" + element + ">");
    if (depth == 1) {
      if (!element.equals(ROOT)) {
        throw new InvalidFmuException(DescriptionMessages.wrongRoot(element));
      }
      root =
          snapshot(attributes, "modelName", "instantiationToken", "description", "generationTool");
    } else if (INTERFACES.containsKey(where)) {
      identifier(INTERFACES.get(where), element, attributes);
      if (INTERFACES.get(where) == FmuInterface.MODEL_EXCHANGE) {
        directionalDerivatives = StateOrder.flag(attributes, "providesDirectionalDerivatives");
      }
    } else if (where.equals(ROOT + "/DefaultExperiment")) {
      experiment =
          new DefaultExperiment(
              attributes.real("startTime"),
              attributes.real("stopTime"),
              attributes.real("tolerance"),
              attributes.real("stepSize"));
    } else if (paths[depth - 1].equals(TYPES) && element.endsWith("Type")) {
      simpleTypes.put(attributes.required("name"), TypeDefaults.of(attributes));
    } else if (paths[depth - 1].equals(VARIABLES)) {
      VariableType type =
          VariableType.ofLabel(element)
              .filter(t -> t != VariableType.REAL && t != VariableType.INTEGER)
              .orElseThrow(() -> XmlAttributes.invalid(unknownType(element)));
      variable = new Fmi3VariableBuilder(type, attributes);
    } else if (variable != null && depth == 4 && paths[2].equals(VARIABLES)) {
      if (element.equals("Dimension")) {
        variable.dimension(attributes);
      } else if (element.equals("Start")) {
        variable.startElement(attributes);
      }
    } else if (where.equals(EVENT_INDICATOR)) {
      eventIndicators++;
    } else if (where.equals(DERIVATIVE) && derivatives.size() <= maxVariables) {
      derivatives.add(attributes.unsignedInt("valueReference"));
    }
  }

  private void end() {
    if (depth == 3 && paths[2].equals(VARIABLES) && variable != null) {
      if (variables.size() == maxVariables) {
        throw new InvalidFmuException(DescriptionMessages.tooManyVariables(maxVariables));
      }
      variables.add(variable);
      variable = null;
    }
    depth--;
  }

  private void identifier(FmuInterface kind, String element, XmlAttributes attributes) {
    String identifier = attributes.required("modelIdentifier");
    if (!C_IDENTIFIER.matcher(identifier).matches()) {
      throw new InvalidFmuException(DescriptionMessages.badIdentifier(element, identifier));
    }
    identifiers.put(kind, identifier);
  }

  private ModelDescription finish() {
    if (identifiers.isEmpty()) {
      throw new InvalidFmuException(DescriptionMessages.NO_INTERFACE_3);
    }
    List<ModelVariable> built = buildVariables();
    return new ModelDescription(
        root.required("fmiVersion"),
        root.required("modelName"),
        root.required("instantiationToken"),
        root.text("description"),
        root.text("generationTool"),
        identifiers,
        eventIndicators,
        built,
        experiment,
        StateOrder.byReference(built, derivatives, directionalDerivatives));
  }

  private List<ModelVariable> buildVariables() {
    Set<String> names = new HashSet<>();
    Fmi3References references = new Fmi3References(variables);
    List<ModelVariable> built = new ArrayList<>(variables.size());
    for (Fmi3VariableBuilder candidate : variables) {
      if (!names.add(candidate.name())) {
        throw XmlAttributes.invalid("two variables are named \"" + candidate.name() + "\"");
      }
      built.add(candidate.build(references, simpleTypes));
    }
    return built;
  }

  /** The root's attributes, copied while the reader stands on it. */
  private static XmlAttributes snapshot(XmlAttributes attributes, String... names) {
    Map<String, String> values = new HashMap<>();
    values.put("fmiVersion", attributes.required("fmiVersion"));
    for (String name : names) {
      attributes.text(name).ifPresent(value -> values.put(name, value));
    }
    return new XmlAttributes(values::get, "<" + ROOT + ">");
  }

  private static String unknownType(String element) {
    return "<ModelVariables> holds <"
        + element
        + ">, which is no FMI 3.0 variable type (Float32, Float64, Int8 to Int64, UInt8 to"
        + " UInt64, Boolean, String, Binary, Enumeration or Clock)";
  }
}
