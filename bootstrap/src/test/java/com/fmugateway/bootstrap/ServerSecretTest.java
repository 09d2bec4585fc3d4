package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {

  @TempDir Path dataDir;

  @Test
  void theGeneratedFilesContent_setAsTheVariable_isTheSameSecret() throws Exception {
    byte[] generated = ServerSecret.load(new GatewayProperties(dataDir, Optional.empty()));
    String file = Files.readString(dataDir.resolve("api-key-secret"));

    byte[] configured = ServerSecret.load(new GatewayProperties(dataDir, Optional.of(file)));

    assertThat(configured).isEqualTo(generated);
  }

  @Test
  void aSecretThatIsNotBase64_isRefusedSayingWhatItMustBe() {
    assertThatThrownBy(
            () ->
                ServerSecret.load(
                    new GatewayProperties(
                        dataDir, Optional.of("test-secret-test-secret-test-secret-0123456789"))))
        .hasMessageContaining("must be base64 of at least 32 random bytes");
  }

  @Test
  void aBase64SecretOfTooFewBytes_isRefused() {
    assertThatThrownBy(
            () -> ServerSecret.load(new GatewayProperties(dataDir, Optional.of("c2hvcnQ="))))
        .hasMessageContaining("at least 32");
  }
}
