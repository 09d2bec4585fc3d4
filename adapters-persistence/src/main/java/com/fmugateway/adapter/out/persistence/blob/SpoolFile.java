package com.fmugateway.adapter.out.persistence.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A private local file a blob is written to while its bytes are counted and hashed. */
public final class SpoolFile {

  /** What was written: the file, its size and the SHA-256 (hex) of its bytes. */
  public record Written(Path file, long sizeBytes, String sha256) {}

  private final Path path;
  private final FileChannel channel;
  private final MessageDigest digest;
  private long written;

  private SpoolFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static SpoolFile create(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path path =
        Files.createTempFile(
            dir,
            "blob-",
            ".part",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    return new SpoolFile(path, FileChannel.open(path, StandardOpenOption.WRITE));
  }

  public Path path() {
    return path;
  }

  public void write(ByteBuffer buffer) {
    written += buffer.remaining();
    digest.update(buffer.duplicate());
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to " + path, e);
    }
  }

  public Written finish() throws IOException {
    channel.force(false);
    channel.close();
    return new Written(path, written, HexFormat.of().formatHex(digest.digest()));
  }

  /** Closes and removes the file; safe to call more than once. */
  public void delete() {
    try {
      channel.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + path, e);
    }
  }
}
