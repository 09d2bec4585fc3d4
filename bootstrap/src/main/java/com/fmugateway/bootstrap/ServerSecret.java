package com.fmugateway.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server secret that keys API-key hashes. Configured, it comes from {@code
 * FMUGW_API_KEY_SECRET}; otherwise one is generated once into the data directory (owner-only), so a
 * zero-configuration gateway keeps accepting its keys across restarts.
 */
final class ServerSecret {

  private static final Logger log = LoggerFactory.getLogger(ServerSecret.class);
  private static final String FILE_NAME = "api-key-secret";
  private static final int BYTES = 32;

  private ServerSecret() {}

  static byte[] load(GatewayProperties properties) {
    return properties
        .apiKeySecret()
        .filter(s -> !s.isBlank())
        .map(ServerSecret::fromConfiguration)
        .orElseGet(() -> fromFile(properties.dataDir().resolve(FILE_NAME)));
  }

  private static byte[] fromConfiguration(String configured) {
    byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < BYTES) {
      throw new IllegalStateException(
          "FMUGW_API_KEY_SECRET must be at least " + BYTES + " bytes long");
    }
    return bytes;
  }

  private static byte[] fromFile(Path file) {
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        create(file);
      }
      byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
      if (secret.length < BYTES) {
        throw new IllegalStateException(file + " holds fewer than " + BYTES + " bytes");
      }
      log.info(
          "API keys are hashed with the secret in {}; set FMUGW_API_KEY_SECRET when several"
              + " gateways share one database",
          file.toAbsolutePath());
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or create " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] secret = new byte[BYTES];
    new SecureRandom().nextBytes(secret);
    Path draft =
        Files.createTempFile(
            file.getParent(),
            FILE_NAME,
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(draft, Base64.getEncoder().encodeToString(secret));
      // link(2) publishes the complete file atomically and never replaces an existing one.
      Files.createLink(file, draft);
    } catch (FileAlreadyExistsException raced) {
      // Another gateway on this data directory created it first; use theirs.
    } finally {
      Files.deleteIfExists(draft);
    }
  }
}
