package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The private folder of one worker on the host, and where its parts appear to the worker: inside
 * bubblewrap at fixed paths, otherwise where they are.
 *
 * <p>The worker gets its own read-only copy of its one FMU. The original may be readable by the
 * gateway alone, and a warm worker must not notice the upload being deleted or replaced.
 */
record WorkerLayout(Path dir, boolean confined) {

  static final String SOCKET_DIR_INSIDE = "/run/fmugw";
  static final String SOCKET_INSIDE = SOCKET_DIR_INSIDE + "/gateway.sock";
  static final String ARCHIVE_INSIDE = "/fmu/model.fmu";
  static final String TMP_INSIDE = "/tmp";

  /** Creates the folder {@code dir} with a copy of {@code archive} that any uid may read. */
  static WorkerLayout create(Path dir, boolean confined, Path archive) throws IOException {
    WorkerLayout layout = new WorkerLayout(dir, confined);
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Files.createDirectory(layout.socketDir());
    Files.createDirectory(layout.tmp());
    Files.copy(archive, layout.archive(), StandardCopyOption.COPY_ATTRIBUTES);
    Files.setPosixFilePermissions(layout.archive(), PosixFilePermissions.fromString("r--r--r--"));
    return layout;
  }

  Path socketDir() {
    return dir.resolve("sock");
  }

  Path socket() {
    return socketDir().resolve("gateway.sock");
  }

  Path archive() {
    return dir.resolve("model.fmu");
  }

  /** The worker's temporary folder when it is not confined (bubblewrap gives it a tmpfs). */
  Path tmp() {
    return dir.resolve("tmp");
  }

  String socketForWorker() {
    return confined ? SOCKET_INSIDE : socket().toString();
  }

  String archiveForWorker() {
    return confined ? ARCHIVE_INSIDE : archive().toString();
  }

  String tmpForWorker() {
    return confined ? TMP_INSIDE : tmp().toString();
  }

  /** Removes the folder; a worker's leftovers are not worth failing anything for. */
  void delete() {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // The folder was already gone, or a file in it is; either way nothing depends on it.
    }
  }
}
