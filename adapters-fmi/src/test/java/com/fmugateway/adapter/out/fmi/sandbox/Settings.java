package com.fmugateway.adapter.out.fmi.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/** Sandbox settings for tests: the defaults with one thing changed at a time. */
final class Settings {

  private SandboxSettings s;

  private Settings(Path workDir) {
    this.s = SandboxSettings.defaults(workDir);
  }

  static Settings in(Path workDir) {
    return new Settings(workDir);
  }

  Settings workers(int maxWorkers, int maxQueuedRuns) {
    s =
        new SandboxSettings(
            s.workDir(),
            maxWorkers,
            maxQueuedRuns,
            s.maxRunsPerWorker(),
            s.idleTimeout(),
            s.addressSpaceBytes(),
            s.cpuSeconds(),
            s.maxOpenFiles(),
            s.maxProcesses(),
            s.maxFileSizeBytes(),
            s.maxLogBytes(),
            s.maxResultBytes(),
            s.requireBubblewrap());
    return this;
  }

  Settings runsPerWorker(int runs) {
    s =
        new SandboxSettings(
            s.workDir(),
            s.maxWorkers(),
            s.maxQueuedRuns(),
            runs,
            s.idleTimeout(),
            s.addressSpaceBytes(),
            s.cpuSeconds(),
            s.maxOpenFiles(),
            s.maxProcesses(),
            s.maxFileSizeBytes(),
            s.maxLogBytes(),
            s.maxResultBytes(),
            s.requireBubblewrap());
    return this;
  }

  Settings idleTimeout(Duration idle) {
    s =
        new SandboxSettings(
            s.workDir(),
            s.maxWorkers(),
            s.maxQueuedRuns(),
            s.maxRunsPerWorker(),
            idle,
            s.addressSpaceBytes(),
            s.cpuSeconds(),
            s.maxOpenFiles(),
            s.maxProcesses(),
            s.maxFileSizeBytes(),
            s.maxLogBytes(),
            s.maxResultBytes(),
            s.requireBubblewrap());
    return this;
  }

  Settings maxResultBytes(long bytes) {
    s =
        new SandboxSettings(
            s.workDir(),
            s.maxWorkers(),
            s.maxQueuedRuns(),
            s.maxRunsPerWorker(),
            s.idleTimeout(),
            s.addressSpaceBytes(),
            s.cpuSeconds(),
            s.maxOpenFiles(),
            s.maxProcesses(),
            s.maxFileSizeBytes(),
            s.maxLogBytes(),
            bytes,
            s.requireBubblewrap());
    return this;
  }

  Settings bubblewrapOptional() {
    s =
        new SandboxSettings(
            s.workDir(),
            s.maxWorkers(),
            s.maxQueuedRuns(),
            s.maxRunsPerWorker(),
            s.idleTimeout(),
            s.addressSpaceBytes(),
            s.cpuSeconds(),
            s.maxOpenFiles(),
            s.maxProcesses(),
            s.maxFileSizeBytes(),
            s.maxLogBytes(),
            s.maxResultBytes(),
            false);
    return this;
  }

  Settings processes(int maxProcesses) {
    s =
        new SandboxSettings(
            s.workDir(),
            s.maxWorkers(),
            s.maxQueuedRuns(),
            s.maxRunsPerWorker(),
            s.idleTimeout(),
            s.addressSpaceBytes(),
            s.cpuSeconds(),
            s.maxOpenFiles(),
            maxProcesses,
            s.maxFileSizeBytes(),
            s.maxLogBytes(),
            s.maxResultBytes(),
            s.requireBubblewrap());
    return this;
  }

  SandboxSettings build() {
    return s;
  }
}
