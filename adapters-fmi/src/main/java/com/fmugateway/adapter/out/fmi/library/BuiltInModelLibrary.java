package com.fmugateway.adapter.out.fmi.library;

import com.fmugateway.adapter.out.fmi.archive.FmuArchiveInspector;
import com.fmugateway.domain.fmu.model.FmuArtifact;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.InspectedFmu;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.LibraryModel;
import com.fmugateway.domain.fmu.model.ModelDescription;
import com.fmugateway.domain.fmu.port.out.ModelLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import reactor.core.publisher.Flux;

/**
 * The built-in models: our own FMI 2.0 and FMI 3.0 FMUs from the classpath, installed into a folder
 * and inspected when the library is constructed, so that a broken one stops the application from
 * starting.
 */
public final class BuiltInModelLibrary implements ModelLibrary {

  static final String LOCATION = "classpath*:fmi/library/*.fmu";
  static final String LOCATION_3 = "classpath*:fmi/library3/*.fmu";

  private final List<LibraryModel> models;

  /**
   * Copies every {@code fmi/library/*.fmu} on the classpath into {@code targetDirectory}, which is
   * created if needed and may be shared by several gateways.
   *
   * @throws IllegalStateException when there are no library FMUs or one of them is invalid
   */
  public BuiltInModelLibrary(Path targetDirectory) {
    this(targetDirectory, List.of(LOCATION, LOCATION_3), new FmuArchiveInspector());
  }

  BuiltInModelLibrary(Path targetDirectory, String location, FmuArchiveInspector inspector) {
    this(targetDirectory, List.of(location), inspector);
  }

  private BuiltInModelLibrary(
      Path targetDirectory, List<String> locations, FmuArchiveInspector inspector) {
    Resource[] resources = find(locations.get(0));
    if (resources.length == 0) {
      throw new IllegalStateException("No built-in FMUs found at " + locations.get(0));
    }
    List<Resource> all = new ArrayList<>(List.of(resources));
    for (String more : locations.subList(1, locations.size())) {
      all.addAll(List.of(find(more)));
    }
    createDirectories(targetDirectory);
    Map<String, LibraryModel> byName = new TreeMap<>();
    for (Resource resource : all) {
      LibraryModel model = install(resource, targetDirectory, inspector);
      if (!runnable(model.artifact().description())) {
        continue;
      }
      String name = model.artifact().description().modelName();
      if (byName.putIfAbsent(name, model) != null) {
        throw new IllegalStateException("Two built-in FMUs have the model name " + name);
      }
    }
    this.models = List.copyOf(byName.values());
  }

  /** The models sorted by name. */
  @Override
  public Flux<LibraryModel> models() {
    return Flux.fromIterable(models);
  }

  private static LibraryModel install(
      Resource resource, Path directory, FmuArchiveInspector inspector) {
    String fileName = resource.getFilename();
    if (fileName == null || fileName.isBlank()) {
      throw new IllegalStateException("Built-in FMU without a file name: " + resource);
    }
    Path destination = directory.resolve(fileName);
    try (InputStream in = resource.getInputStream()) {
      AtomicCopy copy = AtomicCopy.stage(in, destination);
      try {
        // Inspect our private copy, so the hash and the description are of the same bytes even
        // if another gateway renames its own copy over the destination meanwhile.
        InspectedFmu inspected = inspector.inspectNow(copy.staged());
        copy.commit(destination);
        ModelDescription description = inspected.description();
        FmuId id = FmuId.library(description.modelName());
        FmuArtifact artifact = new FmuArtifact(id, copy.sha256(), destination, description, true);
        return new LibraryModel(artifact, inspected);
      } finally {
        copy.discard();
      }
    } catch (IOException | UncheckedIOException | InvalidFmuException e) {
      throw new IllegalStateException(
          "Built-in FMU " + fileName + " cannot be installed: " + e.getMessage(), e);
    }
  }

  /**
   * FMI 3.0 models are offered when an engine runs one of their interfaces: co-simulation, model
   * exchange and scheduled execution all have one.
   */
  private static boolean runnable(ModelDescription description) {
    return !description.fmiVersion().startsWith("3")
        || description.interfaces().contains(FmuInterface.CO_SIMULATION)
        || description.interfaces().contains(FmuInterface.MODEL_EXCHANGE)
        || description.interfaces().contains(FmuInterface.SCHEDULED_EXECUTION);
  }

  private static Resource[] find(String location) {
    try {
      return new PathMatchingResourcePatternResolver().getResources(location);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list built-in FMUs at " + location, e);
    }
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the model library folder " + directory, e);
    }
  }
}
