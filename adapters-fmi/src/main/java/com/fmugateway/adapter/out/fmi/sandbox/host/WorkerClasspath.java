package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.sandbox.worker.WorkerMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The jars and class folders a worker JVM needs, found through the code source of one class from
 * each: {@code java.class.path} lists the whole gateway, and inside a Spring Boot jar it lists only
 * that jar. Jars nested in a Spring Boot jar are extracted, since a plain JVM cannot read them.
 *
 * @param entries in class path order
 */
record WorkerClasspath(List<Path> entries) {

  /**
   * One class per jar the worker loads classes from, found by running every library model through a
   * worker with {@code -Xlog:class+load}. Spring, logging back-ends and the web stack stay out.
   */
  static final List<String> ANCHORS =
      List.of(
          WorkerMain.class.getName(), // this module
          "com.fmugateway.domain.simulation.model.SimulationPlan", // domain
          "reactor.core.publisher.Mono", // FmuArchiveInspector's types
          "org.reactivestreams.Publisher",
          "no.ntnu.ihb.fmi4j.importer.fmi2.Fmu", // FMI4j
          "no.ntnu.ihb.fmi4j.modeldescription.util.FmiModelDescriptionUtil",
          "javax.xml.bind.JAXBContext", // FMI4j reads modelDescription.xml with JAXB
          "com.sun.xml.bind.v2.ContextFactory",
          "com.sun.xml.bind.v2.model.annotation.AnnotationReader",
          "com.sun.istack.Pool",
          "javax.activation.DataHandler",
          "kotlin.Unit", // FMI4j is written in Kotlin
          "org.hipparchus.ode.ODEIntegrator", // model-exchange integrators
          "org.hipparchus.util.FastMath",
          "com.sun.jna.Native", // NativeStdout
          "org.slf4j.LoggerFactory");

  WorkerClasspath {
    entries = List.copyOf(entries);
  }

  /**
   * Finds the code source of every anchor with {@code loader}; nested jars are extracted into
   * {@code extractDir}.
   */
  static WorkerClasspath resolve(ClassLoader loader, Path extractDir) {
    Set<Path> entries = new LinkedHashSet<>();
    NestedJars nested = new NestedJars(extractDir);
    for (String anchor : ANCHORS) {
      entries.add(locate(loader, anchor, nested));
    }
    return new WorkerClasspath(List.copyOf(entries));
  }

  /** Where bubblewrap binds the entries: numbered, so that equal file names cannot collide. */
  static final String INSIDE_SANDBOX = "/opt/fmugw/classpath";

  /** The value of {@code -cp}, for a worker inside bubblewrap or one seeing the host's files. */
  String argument(boolean confined) {
    return String.join(
        ":", confined ? insideSandbox() : entries.stream().map(Path::toString).toList());
  }

  /** The path of each entry inside bubblewrap, in order. */
  List<String> insideSandbox() {
    List<String> inside = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      inside.add(INSIDE_SANDBOX + "/" + i + "-" + entries.get(i).getFileName());
    }
    return inside;
  }

  private static Path locate(ClassLoader loader, String anchor, NestedJars nested) {
    CodeSource source;
    try {
      source = Class.forName(anchor, false, loader).getProtectionDomain().getCodeSource();
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the worker needs " + anchor + ", which is not here", e);
    }
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot tell where " + anchor + " was loaded from");
    }
    URL location = source.getLocation();
    try {
      return NestedJars.isNested(location) ? nested.extract(location) : Path.of(location.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot use " + location + " on a class path", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + location, e);
    }
  }
}
