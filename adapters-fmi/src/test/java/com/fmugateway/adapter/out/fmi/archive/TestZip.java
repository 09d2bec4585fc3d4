package com.fmugateway.adapter.out.fmi.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds zip archives in memory with {@link ZipOutputStream}, then patches their headers into the
 * malformed or hostile shapes no zip tool writes.
 */
final class TestZip {

  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int LOCAL_SIGNATURE = 0x04034b50;

  private final Map<String, byte[]> entries = new LinkedHashMap<>();

  TestZip with(String name, byte[] content) {
    entries.put(name, content);
    return this;
  }

  TestZip with(String name, String text) {
    return with(name, text.getBytes(StandardCharsets.UTF_8));
  }

  TestZip without(String name) {
    entries.remove(name);
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  /** Sets the external attributes of a central directory record, as a Unix zip tool would. */
  static byte[] withUnixMode(byte[] zip, String name, int mode) {
    byte[] patched = zip.clone();
    ByteBuffer buffer = little(patched);
    int record = find(patched, CENTRAL_SIGNATURE, 28, 46, name);
    buffer.put(record + 5, (byte) 3); // version made by: host system Unix
    buffer.putInt(record + 38, mode << 16);
    return patched;
  }

  /** Changes the uncompressed size a central directory record declares. */
  static byte[] withDeclaredSize(byte[] zip, String name, int size) {
    byte[] patched = zip.clone();
    little(patched).putInt(find(patched, CENTRAL_SIGNATURE, 28, 46, name) + 24, size);
    return patched;
  }

  /** Renames an entry in its local header only; the new name must be as long as the old. */
  static byte[] withLocalName(byte[] zip, String name, String localName) {
    byte[] patched = zip.clone();
    rename(patched, find(patched, LOCAL_SIGNATURE, 26, 30, name) + 30, name, localName);
    return patched;
  }

  /** Renames an entry everywhere, e.g. to make two entries share one name. */
  static byte[] withName(byte[] zip, String name, String newName) {
    byte[] patched = withLocalName(zip, name, newName);
    rename(patched, find(patched, CENTRAL_SIGNATURE, 28, 46, name) + 46, name, newName);
    return patched;
  }

  private static void rename(byte[] zip, int at, String name, String newName) {
    byte[] bytes = newName.getBytes(StandardCharsets.UTF_8);
    if (bytes.length != name.getBytes(StandardCharsets.UTF_8).length) {
      throw new IllegalArgumentException("names must have the same length");
    }
    System.arraycopy(bytes, 0, zip, at, bytes.length);
  }

  /** The offset of the header with this signature whose name field holds {@code name}. */
  private static int find(byte[] zip, int signature, int lengthAt, int nameAt, String name) {
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = little(zip);
    for (int at = 0; at + nameAt + wanted.length <= zip.length; at++) {
      if (buffer.getInt(at) == signature
          && (buffer.getShort(at + lengthAt) & 0xFFFF) == wanted.length
          && Arrays.equals(
              zip, at + nameAt, at + nameAt + wanted.length, wanted, 0, wanted.length)) {
        return at;
      }
    }
    throw new IllegalArgumentException("no header for " + name);
  }

  private static ByteBuffer little(byte[] zip) {
    return ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
  }
}
