package com.fmugateway.adapter.in.http.experiment.parquet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * One column's values for the row group being built: PLAIN-encoded values of the non-null rows and,
 * for an optional column, which rows have one.
 */
final class ColumnBuffer {

  private final ParquetColumn column;
  private final ByteArrayOutputStream values = new ByteArrayOutputStream();
  private final BitSet present = new BitSet();
  private int count;

  ColumnBuffer(ParquetColumn column) {
    this.column = column;
  }

  ParquetColumn column() {
    return column;
  }

  int count() {
    return count;
  }

  /** Throws unless {@code value} fits this column. */
  void check(Object value) {
    if (value == null && !column.optional()) {
      throw new IllegalArgumentException("column " + column.name() + " is required");
    }
    if (value != null && !column.type().javaType.isInstance(value)) {
      throw new IllegalArgumentException(
          "column " + column.name() + " takes " + column.type() + ", not " + value.getClass());
    }
  }

  /** Appends a value that passed {@link #check}. */
  void add(Object value) {
    if (value == null) {
      count++;
      return;
    }
    switch (column.type()) {
      case INT32:
        littleEndian((Integer) value, 4);
        break;
      case INT64:
        littleEndian((Long) value, 8);
        break;
      case DOUBLE:
        littleEndian(Double.doubleToRawLongBits((Double) value), 8);
        break;
      case STRING:
        byte[] bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
        littleEndian(bytes.length, 4);
        values.write(bytes, 0, bytes.length);
        break;
      default:
        throw new IllegalStateException(column.type().name());
    }
    present.set(count++);
  }

  /** The data page body (definition levels for an optional column, then values); then resets. */
  byte[] drain() {
    ByteArrayOutputStream page = new ByteArrayOutputStream(values.size() + 16);
    if (column.optional()) {
      byte[] levels = DefinitionLevels.encode(present, count);
      writeLittleEndian(page, levels.length, 4);
      page.write(levels, 0, levels.length);
    }
    page.write(values.toByteArray(), 0, values.size());
    values.reset();
    present.clear();
    count = 0;
    return page.toByteArray();
  }

  private void littleEndian(long value, int bytes) {
    writeLittleEndian(values, value, bytes);
  }

  static void writeLittleEndian(ByteArrayOutputStream out, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (value >>> (8 * i)) & 0xFF);
    }
  }
}
