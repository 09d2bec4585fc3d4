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
 * @param maxDescriptionBytes most bytes {@code modelDescription.xml} may have, since it is parsed
 *     again each time a model is looked up
 * @param maxVariables most variables {@code modelDescription.xml} may declare, since its parsed
 *     variables are held in memory: a 63 MiB description with 540,000 of them, read by 16 requests
 *     at once, filled the gateway's heap
 */
public record ArchiveLimits(
    int maxEntries,
    long maxTotalBytes,
    long maxCompressionRatio,
    long ratioFloorBytes,
    long maxDescriptionBytes,
    int maxVariables) {

  private static final long MIB = 1024L * 1024;
  private static final long GIB = 1024 * MIB;

  /** Ten times what the largest models we know of (vehicle and plant models) declare. */
  public static final int DEFAULT_MAX_VARIABLES = 50_000;

  /** A description of 50,000 variables takes about 6 MiB of XML. */
  public static final long DEFAULT_MAX_DESCRIPTION_BYTES = 10 * MIB;

  public ArchiveLimits {
    if (maxEntries < 1
        || maxTotalBytes < 1
        || maxCompressionRatio < 1
        || ratioFloorBytes < 0
        || maxDescriptionBytes < 1
        || maxVariables < 1) {
      throw new IllegalArgumentException("archive limits must be positive: " + this);
    }
  }

  /** With the default {@link #DEFAULT_MAX_VARIABLES variables}. */
  public ArchiveLimits(
      int maxEntries,
      long maxTotalBytes,
      long maxCompressionRatio,
      long ratioFloorBytes,
      long maxDescriptionBytes) {
    this(
        maxEntries,
        maxTotalBytes,
        maxCompressionRatio,
        ratioFloorBytes,
        maxDescriptionBytes,
        DEFAULT_MAX_VARIABLES);
  }

  /**
   * 10,000 entries, 1 GiB in total, 200:1 above 1 MiB, a 10 MiB model description with at most
   * 50,000 variables.
   */
  public static ArchiveLimits defaults() {
    return new ArchiveLimits(
        10_000, GIB, 200, MIB, DEFAULT_MAX_DESCRIPTION_BYTES, DEFAULT_MAX_VARIABLES);
  }

  /** These limits with another bound on the model description. */
  public ArchiveLimits withDescription(long maxBytes, int maxVariables) {
    return new ArchiveLimits(
        maxEntries, maxTotalBytes, maxCompressionRatio, ratioFloorBytes, maxBytes, maxVariables);
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
