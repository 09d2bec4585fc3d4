package com.fmugateway.adapter.out.persistence.fmu;

import com.fmugateway.domain.fmu.model.Sha256;
import com.fmugateway.domain.shared.port.out.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's bounded folder of FMU archives, {@code <root>/<aa>/<sha256>.fmu}, from which workers
 * load them. Past its size limit it deletes the least recently used archives, but never one used
 * within the in-use window (a worker may be about to open it): the folder may then stay over the
 * limit until those age. Its methods do file I/O; callers run them off the event loop.
 */
final class FmuCache {

  private static final Logger log = LoggerFactory.getLogger(FmuCache.class);
  private static final Pattern NAME = Pattern.compile("[0-9a-f]{64}\\.fmu");

  private static final class Entry {
    final Path file;
    final long size;
    Instant lastUse;

    Entry(Path file, long size, Instant lastUse) {
      this.file = file;
      this.size = size;
      this.lastUse = lastUse;
    }
  }

  private final Path root;
  private final long maxBytes;
  private final Duration inUse;
  private final Clock clock;
  private final LinkedHashMap<Sha256, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long totalBytes;

  FmuCache(Path root, long maxBytes, Duration inUse, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.maxBytes = maxBytes;
    this.inUse = inUse;
    this.clock = clock;
    scan();
  }

  /** Archives left by earlier runs (or by the pre-shared-storage gateway), oldest use first. */
  private void scan() {
    List<Entry> found = new ArrayList<>();
    try {
      Files.createDirectories(root);
      try (Stream<Path> files = Files.walk(root, 2)) {
        files
            .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
            .filter(p -> p.getParent().getFileName().toString().length() == 2)
            .filter(Files::isRegularFile)
            .forEach(p -> found.add(new Entry(p, sizeOf(p), lastModified(p))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the FMU cache in " + root, e);
    }
    found.sort(Comparator.comparing(e -> e.lastUse));
    for (Entry entry : found) {
      String name = entry.file.getFileName().toString();
      entries.put(new Sha256(name.substring(0, 64)), entry);
      totalBytes += entry.size;
    }
  }

  /** The archive's file when it is here, marked as just used. */
  synchronized Optional<Path> use(Sha256 sha) {
    Entry entry = entries.get(sha);
    if (entry == null) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(entry.file)) {
      forget(sha);
      return Optional.empty();
    }
    entry.lastUse = clock.now();
    touch(entry.file, entry.lastUse);
    return Optional.of(entry.file);
  }

  /**
   * Moves {@code file} (whose bytes have this hash) into the cache, then evicts down to the limit.
   */
  synchronized Path admit(Sha256 sha, Path file) throws IOException {
    Path target = pathOf(sha);
    Files.createDirectories(target.getParent());
    if (Files.isRegularFile(target)) {
      Files.deleteIfExists(file);
    } else {
      try {
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException raced) {
        Files.deleteIfExists(file);
      }
    }
    if (!entries.containsKey(sha)) {
      Entry entry = new Entry(target, sizeOf(target), clock.now());
      entries.put(sha, entry);
      totalBytes += entry.size;
    }
    use(sha);
    evict();
    return target;
  }

  /** Takes an archive out of the cache without deleting its file (which is moved aside). */
  synchronized void forget(Sha256 sha) {
    Entry entry = entries.remove(sha);
    if (entry != null) {
      totalBytes -= entry.size;
    }
  }

  synchronized List<Sha256> contents() {
    return List.copyOf(entries.keySet());
  }

  synchronized long totalBytes() {
    return totalBytes;
  }

  Path pathOf(Sha256 sha) {
    return root.resolve(sha.hex().substring(0, 2)).resolve(sha.hex() + ".fmu");
  }

  private void evict() {
    Instant busySince = clock.now().minus(inUse);
    Iterator<Map.Entry<Sha256, Entry>> eldestFirst = entries.entrySet().iterator();
    while (totalBytes > maxBytes && eldestFirst.hasNext()) {
      Map.Entry<Sha256, Entry> next = eldestFirst.next();
      Entry entry = next.getValue();
      if (entry.lastUse.isAfter(busySince)) {
        continue;
      }
      try {
        Files.deleteIfExists(entry.file);
      } catch (IOException e) {
        log.warn("Could not evict {} from the FMU cache: {}", entry.file, e.getMessage());
        continue;
      }
      eldestFirst.remove();
      totalBytes -= entry.size;
      log.debug("Evicted {} ({} bytes) from the FMU cache", next.getKey(), entry.size);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps the last use across restarts; a read-only file system only loses that hint. */
  private static void touch(Path file, Instant when) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(when));
    } catch (IOException ignored) {
      // The in-memory order still holds for this run.
    }
  }
}
