package com.fmugateway.adapter.in.http.experiment.parquet;

import java.util.Objects;

/** A flat column of a Parquet file: its name, its type and whether it may hold nulls. */
public record ParquetColumn(String name, Type type, boolean optional) {

  /** The column types this writer knows, with the Java type of their values. */
  public enum Type {
    /** INT32, from {@link Integer}. */
    INT32(1, Integer.class),
    /** INT64, from {@link Long}. */
    INT64(2, Long.class),
    /** DOUBLE, from {@link Double}. */
    DOUBLE(5, Double.class),
    /** BYTE_ARRAY annotated UTF8 / STRING, from {@link String}. */
    STRING(6, String.class);

    final int physical;
    final Class<?> javaType;

    Type(int physical, Class<?> javaType) {
      this.physical = physical;
      this.javaType = javaType;
    }
  }

  public ParquetColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static ParquetColumn required(String name, Type type) {
    return new ParquetColumn(name, type, false);
  }

  public static ParquetColumn optional(String name, Type type) {
    return new ParquetColumn(name, type, true);
  }
}
