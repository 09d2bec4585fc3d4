package com.fmugateway.adapter.out.fmi.archive;

/**
 * One record of a zip central directory, with the fields {@link java.util.zip.ZipEntry} hides.
 *
 * @param name the entry name, decoded as UTF-8 as {@link java.util.zip.ZipFile} decodes it
 * @param externalAttributes the raw external attributes; Unix tools put the file mode in the upper
 *     16 bits
 * @param compressedSize the compressed size the directory declares
 * @param method the compression method
 * @param crc the CRC-32 the directory declares
 * @param size the uncompressed size the directory declares
 * @param localOffset where the entry's local header starts
 */
record CentralEntry(
    String name,
    long externalAttributes,
    long compressedSize,
    int method,
    long crc,
    long size,
    long localOffset) {

  /** For tests that only care about name and attributes. */
  CentralEntry(String name, long externalAttributes, long compressedSize) {
    this(name, externalAttributes, compressedSize, 0, 0, 0, 0);
  }

  private static final long FILE_TYPE_MASK = 0170000;
  private static final long SYMLINK = 0120000;

  boolean isDirectory() {
    return name.endsWith("/");
  }

  /**
   * Whether the Unix mode marks a symbolic link. Checked whatever host system the record claims,
   * because some extractors honour the mode regardless of it.
   */
  boolean isSymlink() {
    return ((externalAttributes >>> 16) & FILE_TYPE_MASK) == SYMLINK;
  }
}
