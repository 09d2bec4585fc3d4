package com.fmugateway.adapter.out.fmi.sandbox;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.simulation.model.SimulationJob;
import com.fmugateway.domain.simulation.model.SimulationPlan;
import com.fmugateway.domain.simulation.model.Solver;
import com.fmugateway.domain.simulation.model.SolverKind;
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
import java.util.OptionalDouble;

/** Jobs on the built-in library models as the build leaves them in target/classes. */
public final class Jobs {

  private Jobs() {}

  public static Path archive(String model) {
    try {
      return Path.of(Jobs.class.getResource("/fmi/library/" + model + ".fmu").toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no built library model " + model, e);
    }
  }

  public static ModelDescription description(String model) {
    return new FmuArchiveInspector().inspectNow(archive(model)).description();
  }

  /** The model as an upload of {@code account}: never shared with another account. */
  public static FmuArtifact upload(String model) {
    return new FmuArtifact(
        FmuId.newUpload(), sha256(archive(model)), archive(model), description(model), false);
  }

  public static FmuArtifact builtIn(String model) {
    return new FmuArtifact(
        FmuId.library(model), sha256(archive(model)), archive(model), description(model), true);
  }

  /** BouncingBall for 3 s, sampled every 10 ms, h and v out. */
  public static SimulationPlan bouncingBall(FmuInterface fmuInterface) {
    ModelDescription description = description("BouncingBall");
    return new SimulationPlan(
        fmuInterface,
        0,
        3,
        0.01,
        List.of(),
        List.of(),
        List.of(description.variable("h").orElseThrow(), description.variable("v").orElseThrow()),
        Solver.defaults(),
        Duration.ofSeconds(30),
        Map.of());
  }

  /** VanDerPol with a tiny Euler step and a stop time it never reaches before {@code timeout}. */
  public static SimulationPlan endlessVanDerPol(Duration timeout) {
    ModelDescription description = description("VanDerPol");
    return new SimulationPlan(
        FmuInterface.MODEL_EXCHANGE,
        0,
        1e6,
        1e5,
        List.of(),
        List.of(),
        List.of(description.variable("x0").orElseThrow()),
        new Solver(SolverKind.EULER, 1e-6, 1e-8, OptionalDouble.of(1e-7)),
        timeout,
        Map.of());
  }

  public static SimulationJob job(AccountId account, FmuArtifact fmu, SimulationPlan plan) {
    return new SimulationJob(account, fmu, plan);
  }

  public static Sha256 sha256(Path file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return new Sha256(HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
