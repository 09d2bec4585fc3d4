package com.fmugateway.adapter.out.fmi.archive;

/**
 * Caps that keep an untrusted archive from exhausting memory, disk or CPU while it is inspected
 * and, later, extracted. All byte counts are uncompressed bytes as actually inflated.
 *
 * @param maxEntries most entries (files and folders) an archive may hold
 * @param maxTotalBytes most bytes all entries together may inflate to
 * @param maxCompressionRatio most uncompressed bytes per compressed byte, per entry and overall
 * @param ratioFloorBytes the ratio is only enforced above this many uncompressed bytes, because
 *     tiny or empty files compress "infinitely" well without being a threat
 * @param maxDescriptionBytes most bytes {@code modelDescription.xml} may have, since its parsed
 *     variables are held in memory
 */
public record ArchiveLimits(
    int maxEntries,
    long maxTotalBytes,
    long maxCompressionRatio,
    long ratioFloorBytes,
    long maxDescriptionBytes) {

  private static final long MIB = 1024L * 1024;
  private static final long GIB = 1024 * MIB;

  public ArchiveLimits {
    if (maxEntries < 1
        || maxTotalBytes < 1
        || maxCompressionRatio < 1
        || ratioFloorBytes < 0
        || maxDescriptionBytes < 1) {
      throw new IllegalArgumentException("archive limits must be positive: " + this);
    }
  }

  /** 10,000 entries, 1 GiB in total, 200:1 above 1 MiB, and a 64 MiB model description. */
  public static ArchiveLimits defaults() {
    return new ArchiveLimits(10_000, GIB, 200, MIB, 64 * MIB);
  }

  /** A byte count as people read it: {@code 1 GiB}, {@code 64 MiB}, or plain bytes. */
  static String readable(long bytes) {
    if (bytes >= GIB && bytes % GIB == 0) {
      return bytes / GIB + " GiB";
    }
    if (bytes >= MIB && bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    return bytes + " bytes";
  }
}
