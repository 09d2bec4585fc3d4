package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a zip's central directory by hand, because {@link java.util.zip} does not expose the
 * external attributes that mark symbolic links. It also insists that every local header carries the
 * same name as its directory record, so that no extractor can see a different file tree from the
 * one inspected. Follows PKWARE APPNOTE 6.3, including Zip64; split archives are refused.
 */
final class CentralDirectory {

  private static final int EOCD_SIGNATURE = 0x06054b50;
  private static final int EOCD_LENGTH = 22;
  private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
  private static final int ZIP64_LOCATOR_LENGTH = 20;
  private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
  private static final int ZIP64_EOCD_LENGTH = 56;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int CENTRAL_LENGTH = 46;
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int LOCAL_LENGTH = 30;
  private static final int ZIP64_EXTRA_ID = 0x0001;
  private static final long MAGIC_32 = 0xFFFFFFFFL;
  private static final int MAGIC_16 = 0xFFFF;

  private final FileChannel zip;
  private final long size;

  private CentralDirectory(FileChannel zip) throws IOException {
    this.zip = zip;
    this.size = zip.size();
  }

  /**
   * Whether the two entries' stored data are the same bytes, compressed the same way: then every
   * extractor writes the same file for both.
   */
  static boolean sameData(FileChannel zip, CentralEntry a, CentralEntry b) throws IOException {
    if (a.method() != b.method()
        || a.crc() != b.crc()
        || a.size() != b.size()
        || a.compressedSize() != b.compressedSize()) {
      return false;
    }
    CentralDirectory directory = new CentralDirectory(zip);
    long at = directory.dataStart(a);
    long bt = directory.dataStart(b);
    long left = a.compressedSize();
    while (left > 0) {
      int chunk = (int) Math.min(left, 64 * 1024);
      if (!directory.read(at, chunk).equals(directory.read(bt, chunk))) {
        return false;
      }
      at += chunk;
      bt += chunk;
      left -= chunk;
    }
    return true;
  }

  private long dataStart(CentralEntry entry) throws IOException {
    ByteBuffer local = read(entry.localOffset(), LOCAL_LENGTH);
    return entry.localOffset()
        + LOCAL_LENGTH
        + (local.getShort(26) & MAGIC_16)
        + (local.getShort(28) & MAGIC_16);
  }

  /** The directory's records in order, refused before reading them if there are too many. */
  static List<CentralEntry> read(FileChannel zip, int maxEntries) throws IOException {
    return new CentralDirectory(zip).entries(maxEntries);
  }

  private List<CentralEntry> entries(int maxEntries) throws IOException {
    long eocd = findEndRecord();
    ByteBuffer end = read(eocd, EOCD_LENGTH);
    if (end.getShort(4) != 0 || end.getShort(6) != 0) {
      throw damaged("it is split over several disks");
    }
    long count = end.getShort(10) & MAGIC_16;
    long length = end.getInt(12) & MAGIC_32;
    long offset = end.getInt(16) & MAGIC_32;
    long directoryEnd = eocd;
    if (count == MAGIC_16 || length == MAGIC_32 || offset == MAGIC_32) {
      directoryEnd = zip64EndRecord(eocd);
      ByteBuffer end64 = read(directoryEnd, ZIP64_EOCD_LENGTH);
      count = end64.getLong(32);
      length = end64.getLong(40);
      offset = end64.getLong(48);
    }
    if (count < 0 || count > maxEntries) {
      throw new InvalidFmuException(ArchiveMessages.tooManyEntries(maxEntries));
    }
    // Data before the first entry or between the directory and its end record would be read
    // differently by different tools; a plain FMU has neither.
    if (offset < 0 || length < 0 || offset + length != directoryEnd) {
      throw damaged("its central directory is not where its end record says");
    }
    List<CentralEntry> entries = new ArrayList<>((int) count);
    long position = offset;
    for (long i = 0; i < count; i++) {
      position = readRecord(position, offset, entries);
    }
    if (position != directoryEnd) {
      throw damaged("its central directory holds more records than it declares");
    }
    return entries;
  }

  private long findEndRecord() throws IOException {
    // The end record is the last 22 bytes, unless a comment of up to 65535 bytes follows it.
    long tail = Math.min(size, EOCD_LENGTH + MAGIC_16);
    ByteBuffer buffer = read(size - tail, (int) tail);
    for (int at = (int) tail - EOCD_LENGTH; at >= 0; at--) {
      if (buffer.getInt(at) == EOCD_SIGNATURE
          && at + EOCD_LENGTH + (buffer.getShort(at + 20) & MAGIC_16) == tail) {
        return size - tail + at;
      }
    }
    throw new InvalidFmuException(ArchiveMessages.NOT_A_ZIP);
  }

  private long zip64EndRecord(long eocd) throws IOException {
    if (eocd < ZIP64_LOCATOR_LENGTH) {
      throw damaged("its Zip64 end record is missing");
    }
    ByteBuffer locator = read(eocd - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
    long record = locator.getLong(8);
    if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE
        || record < 0
        || record + ZIP64_EOCD_LENGTH > eocd - ZIP64_LOCATOR_LENGTH
        || read(record, 4).getInt(0) != ZIP64_EOCD_SIGNATURE) {
      throw damaged("its Zip64 end record is missing");
    }
    return record;
  }

  private long readRecord(long position, long directoryStart, List<CentralEntry> into)
      throws IOException {
    ByteBuffer header = read(position, CENTRAL_LENGTH);
    if (header.getInt(0) != CENTRAL_SIGNATURE) {
      throw damaged("a central directory record is corrupt");
    }
    int nameLength = header.getShort(28) & MAGIC_16;
    int extraLength = header.getShort(30) & MAGIC_16;
    int commentLength = header.getShort(32) & MAGIC_16;
    byte[] rawName = bytes(read(position + CENTRAL_LENGTH, nameLength));
    ByteBuffer extra = read(position + CENTRAL_LENGTH + nameLength, extraLength);
    long[] sizes = {
      header.getInt(24) & MAGIC_32, header.getInt(20) & MAGIC_32, header.getInt(42) & MAGIC_32
    };
    applyZip64Extra(sizes, extra);
    long localOffset = sizes[2];
    String name = decode(rawName);
    if (localOffset < 0 || localOffset >= directoryStart) {
      throw damaged("entry \"" + name + "\" points outside the archive");
    }
    checkLocalName(localOffset, rawName, name);
    into.add(
        new CentralEntry(
            name,
            header.getInt(38) & MAGIC_32,
            sizes[1],
            header.getShort(10) & MAGIC_16,
            header.getInt(16) & MAGIC_32,
            sizes[0],
            localOffset));
    return position + CENTRAL_LENGTH + nameLength + extraLength + commentLength;
  }

  /** Replaces each 32-bit field saturated at 0xFFFFFFFF, in APPNOTE order, by its 64-bit value. */
  private void applyZip64Extra(long[] sizes, ByteBuffer extra) {
    int at = 0;
    while (at + 4 <= extra.limit()) {
      int id = extra.getShort(at) & MAGIC_16;
      int length = extra.getShort(at + 2) & MAGIC_16;
      if (id == ZIP64_EXTRA_ID) {
        int field = at + 4;
        for (int i = 0; i < sizes.length; i++) {
          if (sizes[i] == MAGIC_32) {
            if (field + 8 > at + 4 + length || field + 8 > extra.limit()) {
              throw damaged("a Zip64 extra field is too short");
            }
            sizes[i] = extra.getLong(field);
            field += 8;
          }
        }
        return;
      }
      at += 4 + length;
    }
  }

  private void checkLocalName(long localOffset, byte[] rawName, String name) throws IOException {
    ByteBuffer local = read(localOffset, LOCAL_LENGTH);
    if (local.getInt(0) != LOCAL_SIGNATURE) {
      throw damaged("entry \"" + name + "\" has no local header");
    }
    byte[] localName = bytes(read(localOffset + LOCAL_LENGTH, local.getShort(26) & MAGIC_16));
    if (!Arrays.equals(localName, rawName)) {
      throw new InvalidFmuException(
          ArchiveMessages.ambiguousName(name, new String(localName, StandardCharsets.UTF_8)));
    }
  }

  private ByteBuffer read(long position, int length) throws IOException {
    if (position < 0 || position + length > size) {
      throw damaged("it ends too early");
    }
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (zip.read(buffer, position + buffer.position()) < 0) {
        throw damaged("it ends too early");
      }
    }
    return buffer.flip();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static String decode(byte[] rawName) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(rawName))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidFmuException(ArchiveMessages.NAME_NOT_UTF8);
    }
  }

  private static InvalidFmuException damaged(String why) {
    return new InvalidFmuException(ArchiveMessages.damaged(why));
  }
}
