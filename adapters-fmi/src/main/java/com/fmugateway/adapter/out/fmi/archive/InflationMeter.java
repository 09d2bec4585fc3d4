package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Inflates every entry into nothing while counting the bytes that really come out, and refuses the
 * archive the moment a limit is passed. Declared sizes are never trusted: a zip bomb lies about
 * them, and {@link ZipFile} inflates past them.
 */
final class InflationMeter {

  private final ArchiveLimits limits;
  private final long archiveSize;
  private final byte[] buffer = new byte[64 * 1024];
  private long total;

  InflationMeter(ArchiveLimits limits, long archiveSize) {
    this.limits = limits;
    this.archiveSize = archiveSize;
  }

  /** Reads all entries to their end and returns what the files really hold. */
  ArchiveContents drain(ZipFile zip, List<CentralEntry> entries) {
    if (zip.size() != entries.size()) {
      throw new InvalidFmuException(
          ArchiveMessages.damaged("its entries cannot be listed consistently"));
    }
    Map<String, Long> fileSizes = new HashMap<>();
    for (CentralEntry entry : entries) {
      long size = drain(zip, entry);
      if (!entry.isDirectory()) {
        fileSizes.put(entry.name(), size);
      }
    }
    return new ArchiveContents(fileSizes);
  }

  private long drain(ZipFile zip, CentralEntry entry) {
    ZipEntry zipEntry = zip.getEntry(entry.name());
    if (zipEntry == null || !zipEntry.getName().equals(entry.name())) {
      throw new InvalidFmuException(
          ArchiveMessages.damaged("entry \"" + entry.name() + "\" cannot be found again"));
    }
    long bytes = 0;
    try (InputStream in = zip.getInputStream(zipEntry)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes += n;
        total += n;
        check(entry, bytes);
      }
    } catch (IOException e) {
      throw new InvalidFmuException(ArchiveMessages.unreadable(entry.name(), e.getMessage()), e);
    }
    return bytes;
  }

  private void check(CentralEntry entry, long bytes) {
    if (total > limits.maxTotalBytes()) {
      throw new InvalidFmuException(ArchiveMessages.tooLarge(limits.maxTotalBytes()));
    }
    long ratio = limits.maxCompressionRatio();
    if (bytes > limits.ratioFloorBytes() && exceeds(bytes, ratio, entry.compressedSize())) {
      throw new InvalidFmuException(ArchiveMessages.entryRatio(entry.name(), ratio));
    }
    if (total > limits.ratioFloorBytes() && exceeds(total, ratio, archiveSize)) {
      throw new InvalidFmuException(ArchiveMessages.overallRatio(ratio));
    }
  }

  /** {@code inflated > ratio * compressed}, without overflow for absurd declared sizes. */
  private static boolean exceeds(long inflated, long ratio, long compressed) {
    return (inflated - 1) / ratio >= Math.max(1, compressed);
  }
}
