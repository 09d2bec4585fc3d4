package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.Causality;
import com.fmugateway.domain.fmu.model.ContinuousStates;
import com.fmugateway.domain.fmu.model.DefaultExperiment;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.Initial;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.ModelVariable;
import com.fmugateway.domain.fmu.model.Variability;
import com.fmugateway.domain.fmu.model.VariableType;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The built-in model library as the build leaves it in target/classes, with a test-only reader of
 * the parts of modelDescription.xml the engine uses (the real inspector lives elsewhere).
 */
final class LibraryFmus {

  private LibraryFmus() {}

  static Path archive(String model) {
    try {
      return Path.of(LibraryFmus.class.getResource("/fmi/library/" + model + ".fmu").toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no built library model " + model, e);
    }
  }

  /**
   * The model's description as uploads read it ({@link FmuArchiveInspector}), directional
   * derivatives included, which {@link #description} leaves out.
   */
  static ModelDescription inspected(String model) {
    return new FmuArchiveInspector().inspectNow(archive(model)).description();
  }

  static ModelDescription description(String model) {
    try (ZipFile zip = new ZipFile(archive(model).toFile());
        InputStream xml = zip.getInputStream(zip.getEntry("modelDescription.xml"))) {
      Element root =
          DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).getDocumentElement();
      Map<FmuInterface, String> identifiers = new EnumMap<>(FmuInterface.class);
      identifier(root, "ModelExchange")
          .ifPresent(id -> identifiers.put(FmuInterface.MODEL_EXCHANGE, id));
      identifier(root, "CoSimulation")
          .ifPresent(id -> identifiers.put(FmuInterface.CO_SIMULATION, id));
      List<ModelVariable> variables = new ArrayList<>();
      NodeList scalars = root.getElementsByTagName("ScalarVariable");
      for (int k = 0; k < scalars.getLength(); k++) {
        variables.add(variable((Element) scalars.item(k)));
      }
      return new ModelDescription(
          root.getAttribute("fmiVersion"),
          root.getAttribute("modelName"),
          root.getAttribute("guid"),
          Optional.empty(),
          Optional.empty(),
          identifiers,
          Integer.parseInt(attribute(root, "numberOfEventIndicators").orElse("0")),
          variables,
          DefaultExperiment.none(),
          ContinuousStates.unknown());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the description of " + model, e);
    }
  }

  private static ModelVariable variable(Element scalar) {
    Element typed = firstChildElement(scalar);
    return new ModelVariable(
        scalar.getAttribute("name"),
        Long.parseLong(scalar.getAttribute("valueReference")),
        VariableType.valueOf(typed.getTagName().toUpperCase(Locale.ROOT)),
        Causality.valueOf(upper(attribute(scalar, "causality").orElse("local"))),
        Variability.valueOf(upper(attribute(scalar, "variability").orElse("continuous"))),
        attribute(scalar, "initial").map(i -> Initial.valueOf(upper(i))),
        attribute(typed, "start"),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        Optional.empty(),
        attribute(typed, "derivative")
            .map(d -> OptionalInt.of(Integer.parseInt(d)))
            .orElse(OptionalInt.empty()));
  }

  private static Optional<String> identifier(Element root, String tag) {
    NodeList nodes = root.getElementsByTagName(tag);
    return nodes.getLength() == 0
        ? Optional.empty()
        : attribute((Element) nodes.item(0), "modelIdentifier");
  }

  private static Element firstChildElement(Element parent) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        return element;
      }
    }
    throw new IllegalStateException("ScalarVariable without a type element");
  }

  private static Optional<String> attribute(Element element, String name) {
    return element.hasAttribute(name) ? Optional.of(element.getAttribute(name)) : Optional.empty();
  }

  private static String upper(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
