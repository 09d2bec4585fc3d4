package com.fmugateway.adapter.in.http.experiment.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An independent reader for the files under test: DuckDB's {@code read_parquet}, in memory. */
public final class DuckDbParquet {

  private final Path file;

  private DuckDbParquet(Path file) {
    this.file = file;
  }

  /** Writes {@code bytes} to a file in {@code dir} for DuckDB to read. */
  public static DuckDbParquet of(Path dir, byte[] bytes) throws IOException {
    return new DuckDbParquet(Files.write(Files.createTempFile(dir, "test", ".parquet"), bytes));
  }

  /** Every row of the file as column name → value, in file order. */
  public List<Map<String, Object>> rows() throws SQLException {
    return query("SELECT * FROM read_parquet('" + file + "')");
  }

  /** Column name → DuckDB type, as DESCRIBE gives it. */
  public Map<String, String> types() throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (Map<String, Object> row : query("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
      types.put((String) row.get("column_name"), (String) row.get("column_type"));
    }
    return types;
  }

  /** Column name → REQUIRED or OPTIONAL, from the file's schema. */
  public Map<String, String> repetition() throws SQLException {
    Map<String, String> repetition = new LinkedHashMap<>();
    for (Map<String, Object> row :
        query("SELECT name, repetition_type FROM parquet_schema('" + file + "')")) {
      repetition.put((String) row.get("name"), (String) row.get("repetition_type"));
    }
    return repetition;
  }

  /** How many row groups the file has. */
  public long rowGroups() throws SQLException {
    List<Map<String, Object>> rows =
        query("SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata('" + file + "')");
    return ((Number) rows.get(0).get("n")).longValue();
  }

  /** Any query; {@code $file} stands for the file's path. */
  public List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql.replace("$file", file.toString()))) {
      ResultSetMetaData meta = result.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
