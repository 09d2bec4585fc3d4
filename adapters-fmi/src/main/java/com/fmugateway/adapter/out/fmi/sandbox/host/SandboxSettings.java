package com.fmugateway.adapter.out.fmi.sandbox.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and places for sandboxed simulation workers; {@link #defaults(Path)} suits most hosts.
 *
 * @param workDir private folder for sockets, worker folders and extracted jars (created, 0700)
 * @param maxWorkers live worker processes at most
 * @param maxQueuedRuns runs waiting for a worker; beyond that a run fails with OVERLOADED
 * @param spareWorkers workers kept started and warmed up ahead of need, nobody's until a run claims
 *     one; they take slots out of {@code maxWorkers}; 0 starts every worker on demand
 * @param maxRunsPerWorker a worker is replaced after serving this many runs (also, whatever its
 *     runs, once it has used half its CPU seconds or seven eighths of its address space)
 * @param idleTimeout a worker is stopped after being idle this long
 * @param addressSpaceBytes RLIMIT_AS of each worker
 * @param cpuSeconds RLIMIT_CPU of each worker over its whole life; a run's own limit is its plan's
 *     timeout
 * @param maxOpenFiles RLIMIT_NOFILE of each worker
 * @param maxProcesses RLIMIT_NPROC of each worker; enforced only for a non-root user, so a root
 *     gateway gives every worker slot its own unprivileged uid. Linux counts threads against it, so
 *     it bounds the worker's threads; new processes the worker's seccomp filter refuses altogether
 *     (see {@code ProcessFilter})
 * @param maxFileSizeBytes RLIMIT_FSIZE of each worker
 * @param maxLogBytes FMU log kept per run, and worker console output kept per worker
 * @param maxResultBytes a larger serialized result fails with RESOURCE_LIMIT
 * @param requireBubblewrap fail at start-up without bubblewrap, rather than warn and run FMUs with
 *     resource limits only
 */
public record SandboxSettings(
    Path workDir,
    int maxWorkers,
    int maxQueuedRuns,
    int spareWorkers,
    int maxRunsPerWorker,
    Duration idleTimeout,
    long addressSpaceBytes,
    long cpuSeconds,
    int maxOpenFiles,
    int maxProcesses,
    long maxFileSizeBytes,
    long maxLogBytes,
    long maxResultBytes,
    boolean requireBubblewrap) {

  public SandboxSettings {
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    positive("maxWorkers", maxWorkers);
    if (maxQueuedRuns < 0) {
      throw new IllegalArgumentException("maxQueuedRuns must not be negative: " + maxQueuedRuns);
    }
    if (spareWorkers < 0 || spareWorkers > maxWorkers) {
      throw new IllegalArgumentException(
          "spareWorkers must be between 0 and maxWorkers (" + maxWorkers + "): " + spareWorkers);
    }
    positive("maxRunsPerWorker", maxRunsPerWorker);
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
    }
    positive("addressSpaceBytes", addressSpaceBytes);
    positive("cpuSeconds", cpuSeconds);
    positive("maxOpenFiles", maxOpenFiles);
    positive("maxProcesses", maxProcesses);
    positive("maxFileSizeBytes", maxFileSizeBytes);
    positive("maxLogBytes", maxLogBytes);
    positive("maxResultBytes", maxResultBytes);
    if (maxResultBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxResultBytes must fit in one array: " + maxResultBytes);
    }
  }

  /**
   * Two workers per core, 64 queued runs, one spare, 10,000 runs or 60 idle seconds per worker, 2
   * GiB of address space, 600 CPU seconds, 256 files, 512 processes, 64 MiB files, 64 KiB of log,
   * 512 MiB results, and bubblewrap required.
   */
  public static SandboxSettings defaults(Path workDir) {
    return new SandboxSettings(
        workDir,
        2 * Runtime.getRuntime().availableProcessors(),
        64,
        1,
        10_000,
        Duration.ofSeconds(60),
        2L << 30,
        600,
        256,
        512,
        64L << 20,
        64L << 10,
        512L << 20,
        true);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** A builder starting from these settings, to change a few and keep the rest. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of a copy; {@link #build()} validates the result. */
  public static final class Builder {

    private Path workDir;
    private int maxWorkers;
    private int maxQueuedRuns;
    private int spareWorkers;
    private int maxRunsPerWorker;
    private Duration idleTimeout;
    private long addressSpaceBytes;
    private long cpuSeconds;
    private int maxOpenFiles;
    private int maxProcesses;
    private long maxFileSizeBytes;
    private long maxLogBytes;
    private long maxResultBytes;
    private boolean requireBubblewrap;

    private Builder(SandboxSettings from) {
      workDir = from.workDir;
      maxWorkers = from.maxWorkers;
      maxQueuedRuns = from.maxQueuedRuns;
      spareWorkers = from.spareWorkers;
      maxRunsPerWorker = from.maxRunsPerWorker;
      idleTimeout = from.idleTimeout;
      addressSpaceBytes = from.addressSpaceBytes;
      cpuSeconds = from.cpuSeconds;
      maxOpenFiles = from.maxOpenFiles;
      maxProcesses = from.maxProcesses;
      maxFileSizeBytes = from.maxFileSizeBytes;
      maxLogBytes = from.maxLogBytes;
      maxResultBytes = from.maxResultBytes;
      requireBubblewrap = from.requireBubblewrap;
    }

    public Builder workers(int max, int queued) {
      maxWorkers = max;
      maxQueuedRuns = queued;
      return this;
    }

    public Builder cpuSeconds(long seconds) {
      cpuSeconds = seconds;
      return this;
    }

    public Builder spareWorkers(int spares) {
      spareWorkers = spares;
      return this;
    }

    public Builder maxRunsPerWorker(int runs) {
      maxRunsPerWorker = runs;
      return this;
    }

    public Builder idleTimeout(Duration idle) {
      idleTimeout = idle;
      return this;
    }

    public Builder maxProcesses(int processes) {
      maxProcesses = processes;
      return this;
    }

    public Builder maxResultBytes(long bytes) {
      maxResultBytes = bytes;
      return this;
    }

    public Builder requireBubblewrap(boolean required) {
      requireBubblewrap = required;
      return this;
    }

    public SandboxSettings build() {
      return new SandboxSettings(
          workDir,
          maxWorkers,
          maxQueuedRuns,
          spareWorkers,
          maxRunsPerWorker,
          idleTimeout,
          addressSpaceBytes,
          cpuSeconds,
          maxOpenFiles,
          maxProcesses,
          maxFileSizeBytes,
          maxLogBytes,
          maxResultBytes,
          requireBubblewrap);
    }
  }
}
