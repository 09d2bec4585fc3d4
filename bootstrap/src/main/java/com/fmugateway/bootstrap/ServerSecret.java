package com.fmugateway.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server secret that keys API-key hashes, always base64 (of at least 32 bytes). Configured, it
 * comes from {@code FMUGW_API_KEY_SECRET}; otherwise one is generated once into the data directory
 * (owner-only), so a zero-configuration gateway keeps accepting its keys across restarts. The file
 * and the variable hold the same text: copying one into the other keeps every key valid.
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
    String text = configured.replaceAll("\\s", "");
    // Strictly the padded standard alphabet, so that raw text is refused instead of misread.
    byte[] bytes =
        text.matches("[A-Za-z0-9+/]+={0,2}") && text.length() % 4 == 0
            ? Base64.getDecoder().decode(text)
            : new byte[0];
    if (bytes.length < BYTES) {
      throw new InvalidSecretException(
          "FMUGW_API_KEY_SECRET must be base64 of at least "
              + BYTES
              + " random bytes, as in the generated data/api-key-secret"
              + " (make one with: openssl rand -base64 32)");
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
          "API keys are hashed with the secret in {}; when several gateways share one database,"
              + " set FMUGW_API_KEY_SECRET on each to this file's content (base64)",
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

  /** The configured secret cannot be used: not base64, or too short. */
  static final class InvalidSecretException extends IllegalStateException {

    InvalidSecretException(String message) {
      super(message);
    }
  }
}
