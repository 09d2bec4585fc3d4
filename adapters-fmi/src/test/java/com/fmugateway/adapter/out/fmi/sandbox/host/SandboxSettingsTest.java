package com.fmugateway.adapter.out.fmi.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  @Test
  void theDefaults_areThoseOfTheIssue() {
    SandboxSettings settings = SandboxSettings.defaults(Path.of("/var/gw/sandbox"));

    assertThat(settings.maxWorkers()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    assertThat(settings)
        .isEqualTo(
            new SandboxSettings(
                Path.of("/var/gw/sandbox"),
                settings.maxWorkers(),
                64,
                1,
                10_000,
                Duration.ofSeconds(60),
                2L * 1024 * 1024 * 1024,
                600,
                256,
                512,
                64L * 1024 * 1024,
                64L * 1024,
                512L * 1024 * 1024,
                true));
  }

  @Test
  void aZeroQueue_isAllowedButNoZeroLimit() {
    SandboxSettings settings = Settings.in(Path.of("/x")).workers(1, 0).build();

    assertThat(settings.maxQueuedRuns()).isZero();
    assertThatThrownBy(() -> Settings.in(Path.of("/x")).processes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxProcesses must be positive: 0");
  }
}
