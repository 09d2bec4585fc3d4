package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bubblewrap options for one worker: no network, own pid, IPC and UTS namespaces, a clean
 * environment, and a file system made of the system libraries, the JRE, the worker class path, one
 * FMU folder and one socket, all read-only, plus a private {@code /tmp}.
 *
 * <p>No user namespace is created when the gateway is root: the worker then leaves root through
 * {@code setpriv} inside the sandbox, which a user namespace mapping only root would not allow.
 */
final class BubblewrapArguments {

  /** The engine unpacks an FMU to at most 1 GiB; a little more for JNA and FMI4j's own files. */
  static final long TMP_BYTES = (1L << 30) + (64L << 20);

  private static final List<String> SYSTEM_DIRS = List.of("/usr", "/bin", "/lib", "/lib64");
  private static final List<String> ETC_FILES = List.of("/etc/ld.so.cache", "/etc/localtime");

  private final List<String> common;

  BubblewrapArguments(SandboxHost host, WorkerClasspath classpath) {
    List<String> args = new ArrayList<>();
    args.add(host.bubblewrap().orElseThrow().toString());
    if (host.root()) {
      args.addAll(
          List.of(
              "--unshare-net",
              "--unshare-pid",
              "--unshare-ipc",
              "--unshare-uts",
              "--unshare-cgroup-try"));
    } else {
      args.add("--unshare-all");
    }
    args.addAll(List.of("--hostname", "fmu-worker", "--die-with-parent", "--new-session"));
    args.addAll(List.of("--clearenv", "--setenv", "PATH", "/usr/bin:/bin"));
    args.addAll(List.of("--setenv", "LANG", "C.UTF-8"));
    // File systems first: a tmpfs mounted after a bind would hide it.
    args.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
    args.addAll(List.of("--perms", "1777", "--size", Long.toString(TMP_BYTES)));
    args.addAll(List.of("--tmpfs", WorkerLayout.TMP_INSIDE, "--chdir", WorkerLayout.TMP_INSIDE));
    for (String dir : SYSTEM_DIRS) {
      systemDir(args, Path.of(dir));
    }
    for (String file : ETC_FILES) {
      parentDir(args, file);
      args.addAll(List.of("--ro-bind-try", file, file));
    }
    for (Path bind : javaHome(host.java())) {
      bind(args, bind.toString(), bind.toString());
    }
    // At fixed places: host paths may lie anywhere, even under /tmp, and say nothing to a worker.
    List<Path> entries = classpath.entries();
    for (int i = 0; i < entries.size(); i++) {
      bind(args, entries.get(i).toString(), classpath.insideSandbox().get(i));
    }
    if (host.switchesUid()) {
      // Only setpriv uses these, to switch uids; it drops every capability as it does.
      args.addAll(List.of("--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"));
      args.addAll(List.of("--cap-add", "CAP_SETPCAP"));
    }
    this.common = List.copyOf(args);
  }

  /** The whole bubblewrap prefix for the worker laid out in {@code layout}, ending in "--". */
  List<String> forWorker(WorkerLayout layout) {
    List<String> args = new ArrayList<>(common);
    // The folder, not the file: a spare's FMU arrives after bubblewrap has set up its mounts.
    bind(args, layout.fmuDir().toString(), WorkerLayout.FMU_DIR_INSIDE);
    bind(args, layout.socketDir().toString(), WorkerLayout.SOCKET_DIR_INSIDE);
    args.add("--");
    return args;
  }

  private static void bind(List<String> args, String source, String destination) {
    parentDir(args, destination);
    args.addAll(List.of("--ro-bind", source, destination));
  }

  /**
   * bwrap creates the missing parents of a bind mode 0700, closed to an unprivileged worker, unless
   * they are created first with explicit permissions.
   */
  private static void parentDir(List<String> args, String destination) {
    Path parent = Path.of(destination).getParent();
    if (parent == null || parent.getParent() == null || parent.startsWith("/usr")) {
      return;
    }
    List<String> dir = List.of("--perms", "0755", "--dir", parent.toString());
    if (Collections.indexOfSubList(args, dir) < 0) {
      args.addAll(dir);
    }
  }

  private static void systemDir(List<String> args, Path dir) {
    try {
      if (Files.isSymbolicLink(dir)) {
        args.addAll(List.of("--symlink", Files.readSymbolicLink(dir).toString(), dir.toString()));
      } else if (Files.isDirectory(dir)) {
        args.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }

  /**
   * The JRE, unless it lies under /usr anyway, and the folders its symbolic links point into
   * outside it and /usr: Debian keeps {@code jvm.cfg} and the security settings in
   * /etc/java-17-openjdk, the CA certificates in /etc/ssl/certs/java.
   */
  private static List<Path> javaHome(Path java) {
    Path home = java.getParent().getParent();
    List<Path> binds = new ArrayList<>();
    if (!home.startsWith("/usr")) {
      binds.add(home);
    }
    List<Path> folders;
    try (Stream<Path> files = Files.walk(home, 4)) {
      folders =
          files
              .filter(Files::isSymbolicLink)
              .map(BubblewrapArguments::target)
              .filter(target -> !target.startsWith(home) && !target.startsWith("/usr"))
              .filter(Files::exists)
              .map(Path::getParent)
              .distinct()
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the JRE at " + home, e);
    }
    for (Path folder : folders) {
      // Sorted, so a folder comes after any folder it lies in.
      if (binds.stream().noneMatch(folder::startsWith)) {
        binds.add(folder);
      }
    }
    return binds;
  }

  private static Path target(Path link) {
    try {
      return link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the link " + link, e);
    }
  }
}
