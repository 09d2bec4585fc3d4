package com.fmugateway.adapter.out.fmi.engine;

import com.fmugateway.domain.simulation.model.SimulationFailedException;
import com.fmugateway.domain.simulation.model.SimulationFailedException.Cause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Unpacked and loaded copies of FMUs, kept between runs: unpacking an archive, having FMI4j parse
 * its description (a JAXB context each time) and loading its binary made up most of a simple
 * model's run (BouncingBall, 300 steps: 9.1 ms of CPU per run with a fresh copy, 0.5 ms reusing
 * one).
 *
 * <p>A copy serves one run at a time, so concurrent runs still share no FMU state; later runs of
 * the same archive reuse it, with a new instance each, as FMI allows. A copy whose run failed is
 * discarded rather than trusted again, and a copy is retired after {@link #MAX_RUNS_PER_COPY} runs,
 * or as many as the copy itself allows ({@code maxRuns}): FMI4j remembers every instance it made of
 * an FMU. At most {@code maxIdle} idle copies are kept, the least recently used going first.
 *
 * @param <F> the loaded FMU: FMI4j's for FMI 2.0, ours for FMI 3.0
 */
final class LoadedFmus<F> {

  static final int MAX_RUNS_PER_COPY = 1_000;

  /** A copy lent to one run; give it back with {@link LoadedFmus#giveBack}. */
  static final class Lease<F> {
    private final Key key;
    private final F fmu;
    private final Path folder;
    private int runs;

    private Lease(Key key, F fmu, Path folder) {
      this.key = key;
      this.fmu = fmu;
      this.folder = folder;
    }

    F fmu() {
      return fmu;
    }
  }

  /**
   * An archive as it is now (a file replaced under the same name is another archive) and which of
   * its binaries is loaded: an FMI 3.0 FMU may name a different one for each interface. The file is
   * its device and inode where the file system has them, so that any spelling of its path (a link,
   * {@code ..}) finds the same copies; else its absolute path. For archives that never change, the
   * path as given, and no size or time.
   */
  private record Key(Object file, long size, long modified, String binary) {}

  private final int maxIdle;
  private final boolean archivesFixed;
  private final ToIntFunction<F> maxRuns;
  private final Consumer<F> unload;
  private final Map<Key, Deque<Lease<F>>> idle = new LinkedHashMap<>(16, 0.75f, true);
  private int idleCount;

  /**
   * @param maxIdle idle copies kept at most; 0 unloads every copy after its run
   * @param archivesFixed whether the archives never change under the same path while this lives: a
   *     copy is then found by the path as given, with no stat per run to check that it still
   *     matches its file (see {@link SimulationEngine#forFixedArchives()})
   * @param unload frees a copy's binary; its folder is deleted here
   */
  LoadedFmus(int maxIdle, boolean archivesFixed, Consumer<F> unload) {
    this(maxIdle, archivesFixed, fmu -> MAX_RUNS_PER_COPY, unload);
  }

  /**
   * @param maxRuns the runs after which a copy is retired, asked after each of its runs
   */
  LoadedFmus(int maxIdle, boolean archivesFixed, ToIntFunction<F> maxRuns, Consumer<F> unload) {
    this.maxIdle = maxIdle;
    this.archivesFixed = archivesFixed;
    this.maxRuns = maxRuns;
    this.unload = unload;
  }

  /** An idle copy of {@code archive}, or a new one unpacked and given to {@code load}. */
  Lease<F> take(Path archive, Function<Path, F> load) {
    return take(archive, "", load);
  }

  /**
   * As {@link #take(Path, Function)}, for copies that load one {@code binary} of the archive: a
   * copy serves only runs that name the same one.
   */
  Lease<F> take(Path archive, String binary, Function<Path, F> load) {
    Key key = archivesFixed ? new Key(archive, -1, -1, binary) : keyOf(archive, binary);
    synchronized (this) {
      Deque<Lease<F>> copies = idle.get(key);
      if (copies != null && !copies.isEmpty()) {
        idleCount--;
        Lease<F> lease = copies.pop();
        if (copies.isEmpty()) {
          idle.remove(key);
        }
        return lease;
      }
    }
    Path folder;
    try {
      folder = FmuArchive.unpack(archive);
    } catch (IOException e) {
      throw new SimulationFailedException(
          Cause.MODEL_ERROR, "the FMU archive cannot be unpacked: " + e.getMessage(), List.of());
    }
    try {
      return new Lease<>(key, load.apply(folder), folder);
    } catch (RuntimeException | Error e) {
      FmuArchive.delete(folder);
      throw e;
    }
  }

  /** Takes a copy back after its run; one whose run failed is unloaded. */
  void giveBack(Lease<F> lease, boolean runSucceeded) {
    lease.runs++;
    if (runSucceeded && lease.runs < maxRuns.applyAsInt(lease.fmu) && maxIdle > 0) {
      Lease<F> evicted = null;
      synchronized (this) {
        idle.computeIfAbsent(lease.key, k -> new ArrayDeque<>()).push(lease);
        if (++idleCount > maxIdle) {
          evicted = takeLeastRecentlyUsed();
        }
      }
      if (evicted != null) {
        discard(evicted);
      }
      return;
    }
    discard(lease);
  }

  /** Unloads every idle copy. */
  void clear() {
    while (true) {
      Lease<F> lease;
      synchronized (this) {
        lease = takeLeastRecentlyUsed();
      }
      if (lease == null) {
        return;
      }
      discard(lease);
    }
  }

  synchronized int idleCopies() {
    return idleCount;
  }

  private Lease<F> takeLeastRecentlyUsed() {
    Iterator<Deque<Lease<F>>> oldest = idle.values().iterator();
    if (!oldest.hasNext()) {
      return null;
    }
    Deque<Lease<F>> copies = oldest.next();
    Lease<F> lease = copies.removeLast();
    if (copies.isEmpty()) {
      oldest.remove();
    }
    idleCount--;
    return lease;
  }

  private void discard(Lease<F> lease) {
    try {
      unload.accept(lease.fmu);
    } finally {
      FmuArchive.delete(lease.folder);
    }
  }

  private static Key keyOf(Path archive, String binary) {
    try {
      // One stat, every run: resolving the real path cost a readlink per path element.
      BasicFileAttributes attributes = Files.readAttributes(archive, BasicFileAttributes.class);
      Object file = attributes.fileKey();
      return new Key(
          file != null ? file : archive.toAbsolutePath().normalize(),
          attributes.size(),
          attributes.lastModifiedTime().toMillis(),
          binary);
    } catch (IOException e) {
      throw new SimulationFailedException(
          Cause.MODEL_ERROR, "the FMU archive cannot be read: " + e.getMessage(), List.of());
    }
  }
}
