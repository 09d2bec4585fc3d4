package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks an FMU into a fresh temporary folder. The engine does this itself rather than through
 * FMI4j, whose unzipper writes entries such as {@code ../../x} outside its folder and insists on a
 * {@code .fmu} file name.
 */
final class FmuArchive {

  static final long MAX_UNPACKED_BYTES = 1L << 30;
  static final int MAX_ENTRIES = 10_000;

  private FmuArchive() {}

  static Path unpack(Path archive) throws IOException {
    Path folder = Files.createTempDirectory("fmugw-run-");
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      long budget = MAX_UNPACKED_BYTES;
      int entries = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw tooBig("more than " + MAX_ENTRIES + " files");
        }
        Path target = folder.resolve(entry.getName()).normalize();
        if (!target.startsWith(folder) || target.equals(folder)) {
          throw new SimulationFailedException(
              Cause.MODEL_ERROR,
              "the FMU archive has an entry outside its root folder: " + entry.getName(),
              List.of());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry);
            OutputStream out = Files.newOutputStream(target)) {
          budget -= copy(in, out, budget);
        }
      }
      return folder;
    } catch (IOException | RuntimeException e) {
      delete(folder);
      throw e;
    }
  }

  /** Removes the folder and everything in it, as far as possible. */
  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover temporary folder is not worth failing a finished run for.
    }
  }

  private static long copy(InputStream in, OutputStream out, long budget) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      copied += n;
      if (copied > budget) {
        throw tooBig("more than " + (MAX_UNPACKED_BYTES >> 20) + " MiB");
      }
      out.write(buffer, 0, n);
    }
    return copied;
  }

  private static SimulationFailedException tooBig(String what) {
    return new SimulationFailedException(
        Cause.RESOURCE_LIMIT, "the FMU archive unpacks to " + what, List.of());
  }
}
