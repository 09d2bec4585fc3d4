package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spring Boot jar in miniature: a jar stored in BOOT-INF/lib, classes in BOOT-INF/classes. */
class NestedJarsTest {

  private static final byte[] INNER_JAR = "pretend this is a jar".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CLASS = "pretend this is a class".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private Path app;
  private NestedJars nested;

  @BeforeEach
  void buildApplicationJar() throws IOException {
    // A space in the path, to be percent-encoded in the URLs as Spring Boot does.
    app = Files.createDirectories(dir.resolve("my app")).resolve("app.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(app))) {
      stored(zip, "BOOT-INF/lib/fmi-import-0.38.0.jar", INNER_JAR);
      zip.putNextEntry(new ZipEntry("BOOT-INF/classes/com/example/App.class"));
      zip.write(CLASS);
    }
    nested = new NestedJars(dir.resolve("classpath"));
  }

  @Test
  void aJarNestedTheSpringBoot32Way_isExtractedByteForByte() throws IOException {
    URL location =
        springBootUrl(
            "jar:nested:" + app.toUri().getRawPath() + "/!BOOT-INF/lib/fmi-import-0.38.0.jar!/");

    Path jar = nested.extract(location);

    assertThat(NestedJars.isNested(location)).isTrue();
    assertThat(jar)
        .isEqualTo(dir.resolve("classpath/fmi-import-0.38.0.jar"))
        .hasBinaryContent(INNER_JAR);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(jar)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aJarNestedTheClassicWay_isExtractedByteForByte() throws IOException {
    URL location = new URL("jar:" + app.toUri() + "!/BOOT-INF/lib/fmi-import-0.38.0.jar!/");

    assertThat(nested.extract(location)).hasBinaryContent(INNER_JAR);
  }

  @Test
  void theApplicationsClassFolder_isExtractedAsAFolder() throws IOException {
    URL location =
        springBootUrl("jar:nested:" + app.toUri().getRawPath() + "/!BOOT-INF/classes/!/");

    Path folder = nested.extract(location);

    assertThat(folder.resolve("com/example/App.class")).hasBinaryContent(CLASS);
  }

  @Test
  void aPlainJarOrFolder_isNotNested() throws IOException {
    assertThat(NestedJars.isNested(app.toUri().toURL())).isFalse();
    assertThat(NestedJars.isNested(dir.toUri().toURL())).isFalse();
  }

  /** A URL of a scheme only Spring Boot's launcher registers; reading it is not needed. */
  private static URL springBootUrl(String spec) throws IOException {
    URL url =
        new URL(
            null,
            spec,
            new URLStreamHandler() {
              @Override
              protected URLConnection openConnection(URL u) {
                throw new UnsupportedOperationException();
              }
            });
    assertThat(url.toString()).isEqualTo(spec);
    return url;
  }

  private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    OutputStream out = zip;
    out.write(content);
  }
}
