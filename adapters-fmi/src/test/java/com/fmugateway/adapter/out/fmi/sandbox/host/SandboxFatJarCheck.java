package com.fmugateway.adapter.out.fmi.sandbox.host;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.adapter.out.fmi.sandbox.Jobs;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.Solver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one sandboxed simulation from inside the Spring Boot jar, where {@code java.class.path}
 * names only that jar, and lists the jars extracted for the worker. A main, not a test: it needs
 * the bootstrap jar built first. With the project root as working directory:
 *
 * <pre>
 * ./mvnw -q -o -DskipTests package
 * java -cp bootstrap/target/fmu-gateway.jar -Dloader.path=adapters-fmi/target/test-classes \
 *   -Dloader.main=com.fmugateway.adapter.out.fmi.sandbox.host.SandboxFatJarCheck \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   adapters-fmi/target/classes/fmi/library/BouncingBall.fmu
 * </pre>
 */
final class SandboxFatJarCheck {

  public static void main(String[] args) throws Exception {
    System.out.println("java.class.path: " + System.getProperty("java.class.path"));
    System.out.println(
        "sandbox loaded from: "
            + SandboxedSimulator.class.getProtectionDomain().getCodeSource().getLocation());
    Path archive = Path.of(args[0]);
    ModelDescription description = new FmuArchiveInspector().inspectNow(archive).description();
    FmuArtifact fmu =
        new FmuArtifact(
            FmuId.library(description.modelName()),
            Jobs.sha256(archive),
            archive,
            description,
            true);
    SimulationPlan plan =
        new SimulationPlan(
            FmuInterface.MODEL_EXCHANGE,
            0,
            3,
            0.01,
            List.of(),
            List.of(),
            description.outputs(),
            Solver.defaults(),
            Duration.ofSeconds(30),
            Map.of());
    Path workDir = Files.createTempDirectory("fmugw-fatjar");
    try (SandboxedSimulator simulator = new SandboxedSimulator(SandboxSettings.defaults(workDir))) {
      SimulationResult result =
          simulator
              .simulate(new SimulationJob(AccountId.random(), fmu, plan))
              .block(Duration.ofMinutes(1));
      System.out.println(
          "ran in the sandbox: " + simulator.status() + ", " + result.time().length + " samples");
    }
    try (Stream<Path> jars = Files.list(workDir.resolve("classpath"))) {
      jars.map(Path::getFileName).sorted().forEach(jar -> System.out.println("extracted " + jar));
    }
  }
}
