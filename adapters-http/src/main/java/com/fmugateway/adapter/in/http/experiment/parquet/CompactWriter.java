package com.fmugateway.adapter.in.http.experiment.parquet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Thrift compact protocol, the part Parquet's metadata needs: structs, lists, i32/i64 as zigzag
 * varints, binary and strings. Fields must be written in increasing id order per struct.
 */
final class CompactWriter {

  static final int TYPE_I32 = 5;
  static final int TYPE_I64 = 6;
  static final int TYPE_BINARY = 8;
  static final int TYPE_LIST = 9;
  static final int TYPE_STRUCT = 12;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Deque<Integer> lastIds = new ArrayDeque<>();
  private int lastId;

  byte[] toByteArray() {
    return out.toByteArray();
  }

  CompactWriter i32(int id, int value) {
    field(id, TYPE_I32);
    varint(zigzag(value));
    return this;
  }

  CompactWriter i64(int id, long value) {
    field(id, TYPE_I64);
    varint(zigzag(value));
    return this;
  }

  CompactWriter string(int id, String value) {
    field(id, TYPE_BINARY);
    binary(value);
    return this;
  }

  /** Opens a struct-valued field; close it with {@link #end()}. */
  CompactWriter struct(int id) {
    field(id, TYPE_STRUCT);
    return begin();
  }

  /** Opens a list field of {@code size} elements of {@code elementType}. */
  CompactWriter list(int id, int elementType, int size) {
    field(id, TYPE_LIST);
    if (size < 15) {
      out.write((size << 4) | elementType);
    } else {
      out.write(0xF0 | elementType);
      varint(size);
    }
    return this;
  }

  /** A struct element of a list, or the top-level struct; close it with {@link #end()}. */
  CompactWriter begin() {
    lastIds.push(lastId);
    lastId = 0;
    return this;
  }

  CompactWriter end() {
    out.write(0);
    lastId = lastIds.pop();
    return this;
  }

  /** An i32 element of a list (enums are i32). */
  CompactWriter i32Element(int value) {
    varint(zigzag(value));
    return this;
  }

  CompactWriter stringElement(String value) {
    binary(value);
    return this;
  }

  private void field(int id, int type) {
    int delta = id - lastId;
    if (delta > 0 && delta <= 15) {
      out.write((delta << 4) | type);
    } else {
      out.write(type);
      varint(zigzag(id));
    }
    lastId = id;
  }

  private void binary(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    varint(bytes.length);
    out.write(bytes, 0, bytes.length);
  }

  private void varint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static long zigzag(long value) {
    return (value << 1) ^ (value >> 63);
  }
}
