package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * FMUs from the test classpath as the simulator receives them: inspected and content-addressed, the
 * hostile fixtures (target/test-classes/fmi/hostile) as customer uploads, the library models as
 * built-ins.
 */
final class TestFmus {

  private TestFmus() {}

  /** A hostile fixture, e.g. {@code Segfault}, as an untrusted upload. */
  static FmuArtifact hostile(String name) {
    return artifact("/fmi/hostile/" + name + ".fmu", FmuId.newUpload(), false);
  }

  /** A hostile FMI 3.0 fixture, e.g. {@code Segfault3}, as an untrusted upload. */
  static FmuArtifact hostile3(String name) {
    return artifact("/fmi/hostile3/" + name + ".fmu", FmuId.newUpload(), false);
  }

  /** An FMI 3.0 library model, e.g. {@code Feedthrough3}, as an untrusted upload. */
  static FmuArtifact upload3(String name) {
    return artifact("/fmi/library3/" + name + ".fmu", FmuId.newUpload(), false);
  }

  /** A built-in library model, e.g. {@code BouncingBall}. */
  static FmuArtifact library(String name) {
    return artifact("/fmi/library/" + name + ".fmu", FmuId.library(name), true);
  }

  /** The ordinary run that must still work after a hostile one: 3 s at 10 ms, 301 samples. */
  static SimulationJob bouncingBall() {
    FmuArtifact fmu = library("BouncingBall");
    ModelDescription description = fmu.description();
    SimulationPlan plan =
        new SimulationPlan(
            FmuInterface.CO_SIMULATION,
            0,
            3,
            0.01,
            List.of(),
            List.of(),
            List.of(description.variable("h").orElseThrow()),
            Solver.defaults(),
            Duration.ofSeconds(60),
            Map.of());
    return new SimulationJob(AccountId.random(), fmu, plan);
  }

  /** The value of a String output at the last sample. */
  static String lastText(SimulationResult result, String name) {
    List<String> values = ((Column.Text) column(result, name)).values();
    return values.get(values.size() - 1);
  }

  /** The value of an Integer output at the last sample. */
  static int lastInteger(SimulationResult result, String name) {
    int[] values = ((Column.Integer) column(result, name)).values();
    return values[values.length - 1];
  }

  private static Column column(SimulationResult result, String name) {
    return result
        .column(name)
        .orElseThrow(() -> new AssertionError("the result has no column " + name));
  }

  private static FmuArtifact artifact(String resource, FmuId id, boolean builtIn) {
    Path archive = resource(resource);
    ModelDescription description = new FmuArchiveInspector().inspectNow(archive).description();
    return new FmuArtifact(id, sha256(archive), archive, description, builtIn);
  }

  private static Path resource(String name) {
    try {
      return Path.of(TestFmus.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException(
          name + " is not on the test classpath; the Maven build compiles it", e);
    }
  }

  private static Sha256 sha256(Path archive) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive));
      return new Sha256(HexFormat.of().formatHex(digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
