package com.fmugateway.adapter.in.http.experiment.parquet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a flat Parquet file in pieces, for streaming: rows are added one at a time, {@link
 * #rowGroup()} hands back the bytes of the row group built so far, {@link #finish()} the rest of
 * the file with its footer. One PLAIN-encoded, uncompressed data page per column chunk; no
 * statistics, no dictionary. Not thread-safe: one writer per file.
 */
public final class ParquetWriter {

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final String CREATED_BY = "fmu-gateway";

  private final List<ParquetColumn> columns;
  private final List<ColumnBuffer> buffers = new ArrayList<>();
  private final List<RowGroupMeta> rowGroups = new ArrayList<>();
  private long position;
  private int pendingRows;
  private boolean finished;

  public ParquetWriter(List<ParquetColumn> columns) {
    this.columns = List.copyOf(columns);
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("a Parquet file needs at least one column");
    }
    this.columns.forEach(column -> buffers.add(new ColumnBuffer(column)));
  }

  /** Adds one row, a value (or null for an optional column) per column, in column order. */
  public void add(Object... row) {
    if (finished) {
      throw new IllegalStateException("finished");
    }
    if (row.length != columns.size()) {
      throw new IllegalArgumentException(row.length + " values for " + columns.size() + " columns");
    }
    for (int i = 0; i < row.length; i++) {
      buffers.get(i).check(row[i]);
    }
    for (int i = 0; i < row.length; i++) {
      buffers.get(i).add(row[i]);
    }
    pendingRows++;
  }

  /** The rows added since the last call, as one row group (the file's head first); may be empty. */
  public byte[] rowGroup() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (position == 0) {
      out.write(MAGIC, 0, MAGIC.length);
      position = MAGIC.length;
    }
    if (pendingRows == 0) {
      return out.toByteArray();
    }
    long start = position;
    List<ChunkMeta> chunks = new ArrayList<>(buffers.size());
    for (ColumnBuffer buffer : buffers) {
      byte[] body = buffer.drain();
      byte[] header = ParquetFooter.dataPageHeader(pendingRows, body.length);
      out.write(header, 0, header.length);
      out.write(body, 0, body.length);
      chunks.add(
          new ChunkMeta(buffer.column(), pendingRows, header.length + body.length, position));
      position += header.length + body.length;
    }
    rowGroups.add(new RowGroupMeta(chunks, pendingRows, start, position - start));
    pendingRows = 0;
    return out.toByteArray();
  }

  /** The rest of the file: rows still pending as a last row group, then the footer. */
  public byte[] finish() {
    if (finished) {
      throw new IllegalStateException("finished");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] last = rowGroup();
    out.write(last, 0, last.length);
    byte[] footer = ParquetFooter.fileMetaData(columns, rowGroups, CREATED_BY);
    out.write(footer, 0, footer.length);
    ColumnBuffer.writeLittleEndian(out, footer.length, 4);
    out.write(MAGIC, 0, MAGIC.length);
    finished = true;
    return out.toByteArray();
  }

  /** Where a column chunk's single data page starts and how long the chunk is. */
  record ChunkMeta(ParquetColumn column, long values, long size, long dataPageOffset) {}

  /** A written row group: its chunks, rows, start and length in the file. */
  record RowGroupMeta(List<ChunkMeta> chunks, long rows, long offset, long size) {}
}
