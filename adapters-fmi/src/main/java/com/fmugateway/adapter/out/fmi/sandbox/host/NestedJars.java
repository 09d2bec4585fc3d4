package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Copies jars and class folders out of a Spring Boot executable jar, so that a plain JVM can load
 * them. Understands the URLs of both loader generations: {@code
 * jar:nested:/app.jar/!BOOT-INF/lib/x.jar!/} (Spring Boot 3.2 and later) and {@code
 * jar:file:/app.jar!/BOOT-INF/lib/x.jar!/}, and {@code nested:/app.jar/!BOOT-INF/classes/} for the
 * application's own classes.
 */
final class NestedJars {

  private final Path extractDir;

  NestedJars(Path extractDir) {
    this.extractDir = extractDir;
  }

  /** Whether {@code location} points into an archive rather than at a plain file or folder. */
  static boolean isNested(URL location) {
    String text = location.toString();
    return text.startsWith("jar:") || text.startsWith("nested:");
  }

  /** Extracts the nested jar or folder at {@code location}, returning where it now is. */
  Path extract(URL location) throws IOException {
    String inner = location.toString();
    if (inner.startsWith("jar:")) {
      inner = inner.substring("jar:".length());
    }
    if (inner.endsWith("!/")) {
      inner = inner.substring(0, inner.length() - "!/".length());
    }
    String outer;
    String entry;
    if (inner.startsWith("nested:")) {
      int bang = inner.indexOf("/!");
      if (bang < 0) {
        throw new IOException("not a nested location: " + location);
      }
      outer = "file:" + inner.substring("nested:".length(), bang);
      entry = inner.substring(bang + "/!".length());
    } else {
      int bang = inner.indexOf("!/");
      if (bang < 0) {
        return archive(inner);
      }
      outer = inner.substring(0, bang);
      entry = inner.substring(bang + "!/".length());
    }
    Files.createDirectories(extractDir);
    try (ZipFile zip = new ZipFile(archive(outer).toFile())) {
      return entry.endsWith("/") ? copyFolder(zip, entry) : copyFile(zip, entry);
    }
  }

  private static Path archive(String fileUrl) throws IOException {
    try {
      return Path.of(URI.create(fileUrl));
    } catch (IllegalArgumentException e) {
      throw new IOException("not a file URL: " + fileUrl, e);
    }
  }

  private Path copyFile(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new IOException(zip.getName() + " has no " + name);
    }
    Path target = extractDir.resolve(Path.of(name).getFileName().toString());
    copy(zip, entry, target);
    return target;
  }

  private Path copyFolder(ZipFile zip, String prefix) throws IOException {
    Path folder = extractDir.resolve(prefix.replace('/', '-').replaceAll("-+$", ""));
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      ZipEntry entry = e.nextElement();
      if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
        continue;
      }
      Path target = folder.resolve(entry.getName().substring(prefix.length())).normalize();
      if (!target.startsWith(folder)) {
        throw new IOException("entry outside its folder: " + entry.getName());
      }
      createReadableDirectories(folder, target.getParent());
      copy(zip, entry, target);
    }
    return folder;
  }

  private static void createReadableDirectories(Path base, Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Path p = folder; p != null && p.startsWith(base); p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** Written aside and moved, so a worker starting meanwhile never reads half a jar. */
  private static void copy(ZipFile zip, ZipEntry entry, Path target) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try (InputStream in = zip.getInputStream(entry)) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
    }
    // Readable by a worker's unprivileged uid, whatever the gateway's umask.
    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
