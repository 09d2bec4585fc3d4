package com.fmugateway.adapter.out.fmi.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.LibraryModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FMUs our build compiles, installed from the classpath into a folder. */
class BuiltInModelLibraryTest {

  private static final List<String> NAMES =
      List.of(
          "AllTypes",
          "BouncingBall",
          "BouncingBall3",
          "Clocks3",
          "Counter",
          "Feedthrough3",
          "FirstOrderLag",
          "MassSpringDamper",
          "Robertson",
          "Robertson3",
          "StateSpace3",
          "VanDerPol");

  @TempDir Path folder;

  @Test
  void givenTheClasspathLibrary_models_areTheRunnableOnesSortedByNameWithLibraryIds() {
    List<LibraryModel> models = new BuiltInModelLibrary(folder).models().collectList().block();

    assertThat(models).extracting(m -> m.artifact().description().modelName()).isEqualTo(NAMES);
    assertThat(models)
        .extracting(m -> m.artifact().id().value())
        .isEqualTo(NAMES.stream().map(name -> "lib:" + name).toList());
  }

  @Test
  void givenTheClasspathLibrary_eachModel_offersItsInterfacesOnLinux() {
    List<LibraryModel> models = new BuiltInModelLibrary(folder).models().collectList().block();

    assertThat(models)
        .allSatisfy(
            model -> {
              assertThat(model.artifact().builtIn()).isTrue();
              String name = model.artifact().description().modelName();
              // Robertson3 is model exchange only (stiff), Clocks3 scheduled execution only.
              assertThat(model.artifact().description().interfaces())
                  .containsExactlyInAnyOrderElementsOf(
                      name.equals("Robertson3")
                          ? List.of(FmuInterface.MODEL_EXCHANGE)
                          : name.equals("Clocks3")
                              ? List.of(FmuInterface.SCHEDULED_EXECUTION)
                              : List.of(FmuInterface.CO_SIMULATION, FmuInterface.MODEL_EXCHANGE));
              boolean fmi3 = model.artifact().description().fmiVersion().startsWith("3");
              assertThat(model.inspected().platforms())
                  .containsExactly(fmi3 ? "x86_64-linux" : "linux64");
              assertThat(model.inspected().description()).isEqualTo(model.artifact().description());
            });
  }

  @Test
  void givenTheClasspathLibrary_eachArchive_isInTheFolderWithTheHashOfItsBytes() throws Exception {
    List<LibraryModel> models = new BuiltInModelLibrary(folder).models().collectList().block();

    for (LibraryModel model : models) {
      FmuArtifact artifact = model.artifact();
      assertThat(artifact.archive())
          .isEqualTo(folder.resolve(artifact.description().modelName() + ".fmu"));
      assertThat(artifact.sha256().hex()).isEqualTo(sha256(artifact.archive()));
    }
    try (Stream<Path> files = Files.list(folder)) {
      // Seven FMI 2.0 and five FMI 3.0 archives, nothing temporary.
      assertThat(files).hasSize(12);
    }
  }

  @Test
  void givenAStaleCopyInTheFolder_construction_replacesIt() throws Exception {
    Path stale = Files.writeString(folder.resolve("BouncingBall.fmu"), "an older build");

    new BuiltInModelLibrary(folder);

    assertThat(sha256(stale)).isEqualTo(sha256(classpath("BouncingBall.fmu")));
  }

  @Test
  void givenAMissingFolder_construction_createsIt() {
    Path nested = folder.resolve("var/lib/fmugw/library");

    new BuiltInModelLibrary(nested);

    assertThat(nested.resolve("Counter.fmu")).isRegularFile();
  }

  @Test
  void givenGatewaysStartingTogether_construction_succeedsForEach() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<BuiltInModelLibrary>> starts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<BuiltInModelLibrary> start = () -> new BuiltInModelLibrary(folder);
        starts.add(pool.submit(start));
      }
      for (Future<BuiltInModelLibrary> start : starts) {
        assertThat(start.get().models().count().block()).isEqualTo(NAMES.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenAnInvalidLibraryFmu_construction_failsNamingIt() throws IOException {
    Path source = Files.createDirectory(folder.resolve("source"));
    Files.writeString(source.resolve("Broken.fmu"), "not a zip");

    assertThatThrownBy(() -> library(source, folder.resolve("installed")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Built-in FMU Broken.fmu cannot be installed: The upload is not a zip archive; an FMU"
                + " is a zip file with modelDescription.xml at its root");
    assertThat(folder.resolve("installed/Broken.fmu")).doesNotExist();
  }

  @Test
  void givenNoLibraryFmus_construction_fails() throws IOException {
    Path empty = Files.createDirectory(folder.resolve("empty"));

    assertThatThrownBy(() -> library(empty, folder.resolve("installed")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("No built-in FMUs found at file:");
  }

  private static BuiltInModelLibrary library(Path source, Path target) {
    String location = source.toUri() + "*.fmu";
    return new BuiltInModelLibrary(target, location, new FmuArchiveInspector());
  }

  private static Path classpath(String fileName) throws Exception {
    return Path.of(BuiltInModelLibraryTest.class.getResource("/fmi/library/" + fileName).toURI());
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      digest.update(in.readAllBytes());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
