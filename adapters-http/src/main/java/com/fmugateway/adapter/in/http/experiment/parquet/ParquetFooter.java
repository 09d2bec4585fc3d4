package com.fmugateway.adapter.in.http.experiment.parquet;

import com.fmugateway.adapter.in.http.experiment.parquet.ParquetWriter.ChunkMeta;
import com.fmugateway.adapter.in.http.experiment.parquet.ParquetWriter.RowGroupMeta;
import java.util.List;

/**
 * Parquet's Thrift structures, written by hand in the compact protocol: field ids and enum values
 * are those of parquet-format's {@code parquet.thrift}.
 */
final class ParquetFooter {

  private static final int FORMAT_VERSION = 1;
  private static final int REQUIRED = 0;
  private static final int OPTIONAL = 1;
  private static final int CONVERTED_UTF8 = 0;
  private static final int LOGICAL_STRING = 1;
  private static final int ENCODING_PLAIN = 0;
  private static final int ENCODING_RLE = 3;
  private static final int CODEC_UNCOMPRESSED = 0;
  private static final int PAGE_DATA = 0;

  private ParquetFooter() {}

  /** PageHeader with its DataPageHeader (v1): PLAIN values, RLE levels, uncompressed. */
  static byte[] dataPageHeader(int values, int size) {
    return new CompactWriter()
        .begin()
        .i32(1, PAGE_DATA)
        .i32(2, size)
        .i32(3, size)
        .struct(5)
        .i32(1, values)
        .i32(2, ENCODING_PLAIN)
        .i32(3, ENCODING_RLE)
        .i32(4, ENCODING_RLE)
        .end()
        .end()
        .toByteArray();
  }

  /** FileMetaData: the schema (a root and one flat element per column) and the row groups. */
  static byte[] fileMetaData(
      List<ParquetColumn> columns, List<RowGroupMeta> rowGroups, String createdBy) {
    CompactWriter thrift = new CompactWriter().begin().i32(1, FORMAT_VERSION);
    thrift.list(2, CompactWriter.TYPE_STRUCT, columns.size() + 1);
    thrift.begin().string(4, "schema").i32(5, columns.size()).end();
    for (ParquetColumn column : columns) {
      thrift.begin().i32(1, column.type().physical);
      thrift.i32(3, column.optional() ? OPTIONAL : REQUIRED).string(4, column.name());
      if (column.type() == ParquetColumn.Type.STRING) {
        thrift.i32(6, CONVERTED_UTF8).struct(10).struct(LOGICAL_STRING).end().end();
      }
      thrift.end();
    }
    thrift.i64(3, rowGroups.stream().mapToLong(RowGroupMeta::rows).sum());
    thrift.list(4, CompactWriter.TYPE_STRUCT, rowGroups.size());
    for (RowGroupMeta group : rowGroups) {
      rowGroup(thrift, group);
    }
    return thrift.string(6, createdBy).end().toByteArray();
  }

  private static void rowGroup(CompactWriter thrift, RowGroupMeta group) {
    thrift.begin().list(1, CompactWriter.TYPE_STRUCT, group.chunks().size());
    for (ChunkMeta chunk : group.chunks()) {
      ParquetColumn column = chunk.column();
      // file_offset 0: no ColumnMetaData is written outside the footer (parquet.thrift).
      thrift.begin().i64(2, 0).struct(3).i32(1, column.type().physical);
      if (column.optional()) {
        thrift
            .list(2, CompactWriter.TYPE_I32, 2)
            .i32Element(ENCODING_PLAIN)
            .i32Element(ENCODING_RLE);
      } else {
        thrift.list(2, CompactWriter.TYPE_I32, 1).i32Element(ENCODING_PLAIN);
      }
      thrift.list(3, CompactWriter.TYPE_BINARY, 1).stringElement(column.name());
      thrift
          .i32(4, CODEC_UNCOMPRESSED)
          .i64(5, chunk.values())
          .i64(6, chunk.size())
          .i64(7, chunk.size())
          .i64(9, chunk.dataPageOffset())
          .end()
          .end();
    }
    thrift
        .i64(2, group.size())
        .i64(3, group.rows())
        .i64(5, group.offset())
        .i64(6, group.size())
        .end();
  }
}
