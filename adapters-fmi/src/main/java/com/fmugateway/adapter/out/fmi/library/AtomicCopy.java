package com.fmugateway.adapter.out.fmi.library;

import com.fmugateway.domain.fmu.model.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file written next to its destination under a private name and then renamed over it, so that
 * gateways sharing the folder never see, or run, a half-written copy.
 */
final class AtomicCopy {

  private final Path temporary;
  private final Sha256 sha256;

  private AtomicCopy(Path temporary, Sha256 sha256) {
    this.temporary = temporary;
    this.sha256 = sha256;
  }

  /** Writes the stream to a private file in the destination's folder, hashing it on the way. */
  static AtomicCopy stage(InputStream in, Path destination) throws IOException {
    Path temporary =
        Files.createTempFile(
            destination.getParent(), "." + destination.getFileName() + ".", ".tmp");
    MessageDigest digest = newSha256();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    return new AtomicCopy(temporary, new Sha256(HexFormat.of().formatHex(digest.digest())));
  }

  Path staged() {
    return temporary;
  }

  Sha256 sha256() {
    return sha256;
  }

  /** Renames the staged file over the destination in one step; a rename within a folder is. */
  void commit(Path destination) throws IOException {
    Files.move(
        temporary,
        destination,
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  void discard() throws IOException {
    Files.deleteIfExists(temporary);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
