package com.fmugateway.adapter.out.fmi.fmi3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The FMI 3.0 model library (and the hostile fixtures) as the build leaves them on the classpath,
 * unpacked into a test's temporary folder and loaded. The archives are our own, so unpacking needs
 * no hardening here.
 */
final class Fmi3TestFmus {

  private static final Pattern TOKEN = Pattern.compile("instantiationToken=\"([^\"]+)\"");

  /** A loaded library model and the token its instances need. */
  record Loaded(Fmi3Fmu fmu, String token) implements AutoCloseable {
    @Override
    public void close() {
      fmu.close();
    }
  }

  private Fmi3TestFmus() {}

  static Loaded load(String model, Path tempDir) {
    return load("library3", model, tempDir);
  }

  /** A model from another folder under fmi/ on the test classpath, e.g. hostile3. */
  static Loaded load(String folder, String model, Path tempDir) {
    Path unpacked = tempDir.resolve(model);
    unpack(archive(folder, model), unpacked);
    try {
      Matcher token = TOKEN.matcher(Files.readString(unpacked.resolve("modelDescription.xml")));
      if (!token.find()) {
        throw new IllegalStateException(model + " has no instantiationToken");
      }
      return new Loaded(Fmi3Fmu.load(unpacked, model), token.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path archive(String folder, String model) {
    String name = "/fmi/" + folder + "/" + model + ".fmu";
    try {
      return Path.of(Fmi3TestFmus.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("no built FMI 3.0 FMU " + name, e);
    }
  }

  private static void unpack(Path archive, Path target) {
    try (InputStream in = Files.newInputStream(archive);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        Path file = target.resolve(entry.getName()).normalize();
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(zip, file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
