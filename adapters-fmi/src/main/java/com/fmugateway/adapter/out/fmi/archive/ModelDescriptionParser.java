package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.DefaultExperiment;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.VariableType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an FMI 2.0 {@code modelDescription.xml} into a {@link ModelDescription}, handing FMI 3.0
 * ones to {@link Fmi3DescriptionParser}. StAX streams it, so memory grows with the variables kept
 * rather than with the document, and any DOCTYPE is refused before an entity could be declared or
 * fetched.
 */
final class ModelDescriptionParser {

  private static final int DEEPEST_READ = 4;
  private static final String FMI_2 = "2.0";
  private static final String ROOT = "fmiModelDescription";
  private static final String SIMPLE_TYPE = ROOT + "/TypeDefinitions/SimpleType";
  private static final String VARIABLE = ROOT + "/ModelVariables/ScalarVariable";
  private static final String DERIVATIVE = ROOT + "/ModelStructure/Derivatives/Unknown";
  private static final Map<String, VariableType> TYPE_ELEMENTS =
      Map.of(
          "Real", VariableType.REAL,
          "Integer", VariableType.INTEGER,
          "Boolean", VariableType.BOOLEAN,
          "String", VariableType.STRING,
          "Enumeration", VariableType.ENUMERATION);
  private static final String NO_VERSION =
      "<fmiModelDescription> has no fmiVersion attribute; upload an FMI 2.0 or 3.0 FMU";
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final XMLStreamReader xml;
  private final int maxVariables;
  // Paths of the open elements down to the deepest one we read; deeper ones are only counted, so
  // that hostile nesting costs no memory here.
  private final String[] paths = new String[DEEPEST_READ + 1];
  private final Map<FmuInterface, String> identifiers = new EnumMap<>(FmuInterface.class);
  private final Map<String, TypeDefaults> simpleTypes = new HashMap<>();
  private final List<ScalarVariableBuilder> variables = new ArrayList<>();
  private final List<Integer> derivatives = new ArrayList<>();
  private boolean directionalDerivatives;
  private int depth;
  private Header header;
  private DefaultExperiment experiment = DefaultExperiment.none();
  private String simpleType;
  private ScalarVariableBuilder variable;

  private ModelDescriptionParser(XMLStreamReader xml, int maxVariables) {
    this.xml = xml;
    this.maxVariables = maxVariables;
  }

  /** Refuses a description with more than {@code maxVariables} as soon as it gets there. */
  static ModelDescription parse(InputStream in, int maxVariables) {
    XMLStreamReader xml = null;
    try {
      xml = SecureXml.reader(in);
      if (toRoot(xml) && isFmi3(xml.getAttributeValue(null, "fmiVersion"))) {
        return Fmi3DescriptionParser.parseFromRoot(xml, maxVariables);
      }
      return new ModelDescriptionParser(xml, maxVariables).read();
    } catch (XMLStreamException e) {
      throw SecureXml.malformed(e);
    } finally {
      SecureXml.close(xml);
    }
  }

  /** Moves to the root element; false when the document has none. */
  private static boolean toRoot(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new InvalidFmuException(DescriptionMessages.DOCTYPE);
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFmi3(String version) {
    return version != null && Fmi3DescriptionParser.VERSION.matcher(version).matches();
  }

  private ModelDescription read() throws XMLStreamException {
    if (xml.getEventType() == XMLStreamConstants.START_ELEMENT) {
      start();
    }
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
    if (where.equals(ROOT)) {
      header = Header.of(attributes);
    } else if (depth == 1) {
      throw new InvalidFmuException(DescriptionMessages.wrongRoot(element));
    } else if (where.equals(ROOT + "/ModelExchange")) {
      identifier(FmuInterface.MODEL_EXCHANGE, element, attributes);
      directionalDerivatives = StateOrder.flag(attributes, "providesDirectionalDerivative");
    } else if (where.equals(ROOT + "/CoSimulation")) {
      identifier(FmuInterface.CO_SIMULATION, element, attributes);
    } else if (where.equals(ROOT + "/DefaultExperiment")) {
      experiment =
          new DefaultExperiment(
              attributes.real("startTime"),
              attributes.real("stopTime"),
              attributes.real("tolerance"),
              attributes.real("stepSize"));
    } else if (where.equals(SIMPLE_TYPE)) {
      simpleType = attributes.required("name");
    } else if (paths[depth - 1].equals(SIMPLE_TYPE)) {
      simpleTypes.put(simpleType, TypeDefaults.of(attributes));
    } else if (where.equals(VARIABLE)) {
      variable = new ScalarVariableBuilder(attributes);
    } else if (paths[depth - 1].equals(VARIABLE) && TYPE_ELEMENTS.containsKey(element)) {
      variable.type(TYPE_ELEMENTS.get(element), attributes);
    } else if (where.equals(DERIVATIVE)) {
      // Bounded by the variables: each listed index must name one, or the order is not used.
      if (derivatives.size() <= maxVariables) {
        derivatives.add(attributes.count("index").orElse(0));
      }
    }
  }

  private void end() {
    if (depth <= DEEPEST_READ && paths[depth].equals(VARIABLE)) {
      if (variables.size() == maxVariables) {
        throw new InvalidFmuException(DescriptionMessages.tooManyVariables(maxVariables));
      }
      variables.add(variable);
    }
    depth--;
  }

  private void identifier(FmuInterface kind, String element, XmlAttributes attributes) {
    String identifier = attributes.required("modelIdentifier");
    if (!C_IDENTIFIER.matcher(identifier).matches()) {
      // It becomes a file name and a symbol prefix, so it must not carry a path.
      throw new InvalidFmuException(DescriptionMessages.badIdentifier(element, identifier));
    }
    identifiers.put(kind, identifier);
  }

  private ModelDescription finish() {
    if (identifiers.isEmpty()) {
      throw new InvalidFmuException(DescriptionMessages.NO_INTERFACE);
    }
    List<ModelVariable> built = buildVariables();
    return new ModelDescription(
        FMI_2,
        header.modelName(),
        header.guid(),
        header.description(),
        header.generationTool(),
        identifiers,
        header.eventIndicators(),
        built,
        experiment,
        StateOrder.byIndex(built, derivatives, directionalDerivatives));
  }

  private List<ModelVariable> buildVariables() {
    Set<String> names = new HashSet<>();
    List<ModelVariable> built = new ArrayList<>(variables.size());
    for (ScalarVariableBuilder candidate : variables) {
      if (!names.add(candidate.name())) {
        throw XmlAttributes.invalid("two ScalarVariables are named \"" + candidate.name() + "\"");
      }
      int derivativeOf = candidate.derivativeOf().orElse(1);
      if (derivativeOf < 1 || derivativeOf > variables.size()) {
        throw XmlAttributes.invalid(
            candidate.describe()
                + " is the derivative of variable "
                + derivativeOf
                + ", but variables are numbered 1 to "
                + variables.size());
      }
      built.add(candidate.build(simpleTypes));
    }
    return built;
  }

  /** The root element's attributes, read while the parser stands on it. */
  private record Header(
      String modelName,
      String guid,
      Optional<String> description,
      Optional<String> generationTool,
      int eventIndicators) {

    static Header of(XmlAttributes root) {
      String version = root.text("fmiVersion").orElseThrow(() -> XmlAttributes.invalid(NO_VERSION));
      if (!version.equals(FMI_2)) {
        throw new InvalidFmuException(DescriptionMessages.unsupportedVersion(version));
      }
      return new Header(
          root.required("modelName"),
          root.required("guid"),
          root.text("description"),
          root.text("generationTool"),
          root.count("numberOfEventIndicators").orElse(0));
    }
  }
}
