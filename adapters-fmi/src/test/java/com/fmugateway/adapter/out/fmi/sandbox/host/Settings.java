package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Sandbox settings for tests: the defaults with one thing changed at a time, each change checked at
 * once, as the real constructor checks it.
 */
final class Settings {

  private final SandboxSettings.Builder builder;

  private Settings(Path workDir) {
    this.builder = SandboxSettings.defaults(workDir).toBuilder();
  }

  static Settings in(Path workDir) {
    return new Settings(workDir);
  }

  Settings workers(int maxWorkers, int maxQueuedRuns) {
    builder.workers(maxWorkers, maxQueuedRuns);
    return checked();
  }

  Settings runsPerWorker(int runs) {
    builder.maxRunsPerWorker(runs);
    return checked();
  }

  Settings idleTimeout(Duration idle) {
    builder.idleTimeout(idle);
    return checked();
  }

  Settings maxResultBytes(long bytes) {
    builder.maxResultBytes(bytes);
    return checked();
  }

  Settings spares(int spareWorkers) {
    builder.spareWorkers(spareWorkers);
    return checked();
  }

  Settings bubblewrapOptional() {
    builder.requireBubblewrap(false);
    return checked();
  }

  Settings processes(int maxProcesses) {
    builder.maxProcesses(maxProcesses);
    return checked();
  }

  private Settings checked() {
    builder.build();
    return this;
  }

  SandboxSettings build() {
    return builder.build();
  }
}
