package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
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
 * <p>The worker gets its own read-only copy of its one FMU, in a folder of its own that it sees
 * from its start: a worker may be started before anyone knows its FMU (a spare), which is then
 * copied in. The original may be readable by the gateway alone, and a warm worker must not notice
 * the upload being deleted or replaced.
 */
record WorkerLayout(Path dir, boolean confined) {

  static final String SOCKET_DIR_INSIDE = "/run/fmugw";
  static final String SOCKET_INSIDE = SOCKET_DIR_INSIDE + "/gateway.sock";
  static final String FMU_DIR_INSIDE = "/fmu";
  static final String ARCHIVE_INSIDE = FMU_DIR_INSIDE + "/model.fmu";
  static final String WARM_UP_INSIDE = FMU_DIR_INSIDE + "/warm-up.fmu";
  static final String TMP_INSIDE = "/tmp";

  /** Creates the folder {@code dir}, with an empty FMU folder that any uid may read. */
  static WorkerLayout create(Path dir, boolean confined) throws IOException {
    WorkerLayout layout = new WorkerLayout(dir, confined);
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Files.createDirectory(layout.socketDir());
    Files.createDirectory(layout.tmp());
    Files.createDirectory(layout.fmuDir());
    Files.setPosixFilePermissions(layout.fmuDir(), PosixFilePermissions.fromString("rwxr-xr-x"));
    return layout;
  }

  /** Copies {@code archive} in as the worker's FMU; the worker never sees it half-written. */
  void install(Path archive) throws IOException {
    place(archive, archive());
  }

  /** Copies in our own FMU for a spare's warm-up run. */
  void installWarmUp(Path archive) throws IOException {
    place(archive, warmUp());
  }

  void removeWarmUp() throws IOException {
    Files.deleteIfExists(warmUp());
  }

  private void place(Path archive, Path target) throws IOException {
    Path partial = fmuDir().resolve(".partial");
    Files.copy(archive, partial, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("r--r--r--"));
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target);
    }
  }

  /** Bound read-only at {@link #FMU_DIR_INSIDE} when confined. */
  Path fmuDir() {
    return dir.resolve("fmu");
  }

  Path socketDir() {
    return dir.resolve("sock");
  }

  Path socket() {
    return socketDir().resolve("gateway.sock");
  }

  Path archive() {
    return fmuDir().resolve("model.fmu");
  }

  Path warmUp() {
    return fmuDir().resolve("warm-up.fmu");
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

  String warmUpForWorker() {
    return confined ? WARM_UP_INSIDE : warmUp().toString();
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
