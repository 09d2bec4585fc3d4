package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What this machine offers for confining workers, found once at start-up.
 *
 * @param java the gateway's own {@code java} binary, which workers run too
 * @param bubblewrap the {@code bwrap} binary, when installed
 * @param setpriv the {@code setpriv} binary (util-linux), used to leave root inside the sandbox
 * @param root whether the gateway runs as root, where RLIMIT_NPROC is not enforced
 */
record SandboxHost(Path java, Optional<Path> bubblewrap, Optional<Path> setpriv, boolean root) {

  private static final List<String> USUAL_DIRS =
      List.of("/usr/bin", "/bin", "/usr/local/bin", "/usr/sbin", "/sbin");

  SandboxHost {
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(bubblewrap, "bubblewrap");
    Objects.requireNonNull(setpriv, "setpriv");
  }

  static SandboxHost detect() {
    return new SandboxHost(
        Path.of(System.getProperty("java.home"), "bin", "java"),
        executable("bwrap"),
        executable("setpriv"),
        effectiveUid() == 0);
  }

  /** This host as if bubblewrap were not installed. */
  SandboxHost withoutBubblewrap() {
    return new SandboxHost(java, Optional.empty(), setpriv, root);
  }

  /** Whether workers run inside bubblewrap. */
  boolean confines() {
    return bubblewrap.isPresent();
  }

  /**
   * Whether each worker gets its own unprivileged uid: only a root gateway can switch, and only
   * inside bubblewrap can the worker then still read the files bound for it.
   */
  boolean switchesUid() {
    return root && bubblewrap.isPresent() && setpriv.isPresent();
  }

  private static Optional<Path> executable(String name) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(USUAL_DIRS);
    return dirs.stream()
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** /proc/self belongs to the effective uid of the process looking at it. */
  private static int effectiveUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name")) ? 0 : -1;
    }
  }
}
