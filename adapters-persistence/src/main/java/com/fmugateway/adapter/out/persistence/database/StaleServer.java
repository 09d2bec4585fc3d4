package com.fmugateway.adapter.out.persistence.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way after a gateway was killed (kill -9, OOM killer): the postmaster it started lives
 * on, holding the data directory. A live gateway holds the embedded library's lock file, so a
 * server whose directory lock is free is an orphan and gets a clean shutdown; a server whose lock
 * is held belongs to a running gateway, which is an operator error worth a clear message.
 */
final class StaleServer {

  private static final Logger log = LoggerFactory.getLogger(StaleServer.class);
  private static final String LIBRARY_LOCK = "epg-lock";
  private static final long SHUTDOWN_WAIT_SECONDS = 30;

  private StaleServer() {}

  static void stopIfOrphaned(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    ensureNoLiveGatewayOwns(dataDir);
    Optional<ProcessHandle> postmaster = livePostmaster(pidFile);
    if (postmaster.isEmpty()) {
      log.info("Found a stale postmaster.pid in {}; PostgreSQL will recover on start", dataDir);
      return;
    }
    ProcessHandle orphan = postmaster.get();
    log.warn(
        "Found PostgreSQL (pid {}) orphaned by a gateway that did not shut down; stopping it",
        orphan.pid());
    orphan.destroy(); // SIGTERM: PostgreSQL's smart shutdown, a clean checkpoint.
    try {
      orphan.onExit().get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("Orphaned PostgreSQL (pid {}) ignored SIGTERM; killing it", orphan.pid());
      orphan.destroyForcibly();
      orphan.onExit().join();
    }
  }

  private static void ensureNoLiveGatewayOwns(Path dataDir) throws IOException {
    Path lockFile = dataDir.resolve(LIBRARY_LOCK);
    if (!Files.exists(lockFile)) {
      return;
    }
    try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
        FileChannel channel = file.getChannel();
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw inUse(dataDir);
      }
    } catch (OverlappingFileLockException e) {
      throw inUse(dataDir);
    }
  }

  private static IllegalStateException inUse(Path dataDir) {
    return new EmbeddedDatabaseInUseException(dataDir);
  }

  private static Optional<ProcessHandle> livePostmaster(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }
}
