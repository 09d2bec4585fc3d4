package com.fmugateway.adapter.out.persistence.fmu;

import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.fmu.model.StagedFmu;
import com.fmugateway.domain.fmu.model.UploadTooLargeException;
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

/** One upload being written: counts and hashes bytes as they arrive, stops at the cap. */
final class StagingFile {

  private final Path path;
  private final FileChannel channel;
  private final MessageDigest digest;
  private final long maxBytes;
  private long written;

  private StagingFile(Path path, FileChannel channel, long maxBytes) {
    this.path = path;
    this.channel = channel;
    this.maxBytes = maxBytes;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  static StagingFile create(Path dir, long maxBytes) throws IOException {
    Path path =
        Files.createTempFile(
            dir,
            "upload-",
            ".part",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    return new StagingFile(path, FileChannel.open(path, StandardOpenOption.WRITE), maxBytes);
  }

  void write(ByteBuffer buffer) {
    written += buffer.remaining();
    if (written > maxBytes) {
      throw new UploadTooLargeException(maxBytes);
    }
    digest.update(buffer.duplicate());
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the upload", e);
    }
  }

  StagedFmu finish() throws IOException {
    channel.force(true);
    return new StagedFmu(path, new Sha256(HexFormat.of().formatHex(digest.digest())), written);
  }

  void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Failed or cancelled: nothing of the upload may remain. */
  void abandon() {
    try {
      channel.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete abandoned upload " + path, e);
    }
  }
}
