package com.fmugateway.adapter.in.http.experiment.parquet;

import static com.fmugateway.adapter.in.http.experiment.parquet.ParquetColumn.Type.DOUBLE;
import static com.fmugateway.adapter.in.http.experiment.parquet.ParquetColumn.Type.INT32;
import static com.fmugateway.adapter.in.http.experiment.parquet.ParquetColumn.Type.INT64;
import static com.fmugateway.adapter.in.http.experiment.parquet.ParquetColumn.Type.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's files, read back by DuckDB: types, nulls, row groups, unicode, no rows at all. */
class ParquetWriterTest {

  @TempDir Path dir;

  @Test
  void everyType_readsBackWithItsTypeRepetitionAndValue() throws Exception {
    ParquetWriter writer =
        new ParquetWriter(
            List.of(
                ParquetColumn.required("i", INT32),
                ParquetColumn.required("s", STRING),
                ParquetColumn.required("d", DOUBLE),
                ParquetColumn.optional("od", DOUBLE),
                ParquetColumn.optional("os", STRING),
                ParquetColumn.required("l", INT64)));
    writer.add(0, "ok", 1.5, 2.5, "n1", Long.MAX_VALUE);
    writer.add(-7, "failed", -0.0, null, null, Long.MIN_VALUE);
    writer.add(Integer.MAX_VALUE, "", 1e300, Double.NaN, "", 0L);
    writer.add(3, "x", 0.1, Double.POSITIVE_INFINITY, null, 42L);

    DuckDbParquet file = DuckDbParquet.of(dir, writer.finish());

    assertThat(file.types())
        .containsExactly(
            Map.entry("i", "INTEGER"),
            Map.entry("s", "VARCHAR"),
            Map.entry("d", "DOUBLE"),
            Map.entry("od", "DOUBLE"),
            Map.entry("os", "VARCHAR"),
            Map.entry("l", "BIGINT"));
    assertThat(file.repetition())
        .containsEntry("i", "REQUIRED")
        .containsEntry("od", "OPTIONAL")
        .containsEntry("os", "OPTIONAL")
        .containsEntry("l", "REQUIRED");
    List<Map<String, Object>> rows = file.rows();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0))
        .containsExactly(
            Map.entry("i", 0),
            Map.entry("s", "ok"),
            Map.entry("d", 1.5),
            Map.entry("od", 2.5),
            Map.entry("os", "n1"),
            Map.entry("l", Long.MAX_VALUE));
    assertThat(rows.get(1)).containsEntry("i", -7).containsEntry("l", Long.MIN_VALUE);
    assertThat(rows.get(1).get("od")).isNull();
    assertThat(rows.get(1).get("os")).isNull();
    assertThat(rows.get(2)).containsEntry("i", Integer.MAX_VALUE).containsEntry("s", "");
    assertThat((Double) rows.get(2).get("od")).isNaN();
    assertThat(rows.get(2)).containsEntry("d", 1e300).containsEntry("os", "");
    assertThat(rows.get(3)).containsEntry("od", Double.POSITIVE_INFINITY);
    assertThat(rows.get(3).get("os")).isNull();
  }

  @Test
  void optionalColumns_keepEveryNullWherever_itFalls() throws Exception {
    // Runs shorter and longer than the 8 an RLE run needs, alternation, random, a ragged end.
    List<Boolean> present = new ArrayList<>();
    Random random = new Random(14);
    for (int i = 0; i < 3; i++) {
      present.add(true);
    }
    for (int i = 0; i < 20; i++) {
      present.add(false);
    }
    for (int i = 0; i < 37; i++) {
      present.add(i % 2 == 0);
    }
    for (int i = 0; i < 1000; i++) {
      present.add(random.nextBoolean());
    }
    for (int i = 0; i < 9; i++) {
      present.add(true);
    }
    for (int i = 0; i < 5; i++) {
      present.add(i == 3);
    }
    ParquetWriter writer =
        new ParquetWriter(
            List.of(
                ParquetColumn.required("i", INT32),
                ParquetColumn.optional("d", DOUBLE),
                ParquetColumn.optional("s", STRING)));
    for (int i = 0; i < present.size(); i++) {
      boolean here = present.get(i);
      writer.add(i, here ? (double) i : null, here ? null : "row " + i);
    }

    List<Map<String, Object>> rows = DuckDbParquet.of(dir, writer.finish()).rows();

    assertThat(rows).hasSize(present.size());
    for (int i = 0; i < present.size(); i++) {
      Map<String, Object> row = rows.get(i);
      assertThat(row.get("i")).isEqualTo(i);
      assertThat(row.get("d")).as("d at %d", i).isEqualTo(present.get(i) ? (double) i : null);
      assertThat(row.get("s")).as("s at %d", i).isEqualTo(present.get(i) ? null : "row " + i);
    }
  }

  @Test
  void manyRows_inSeveralRowGroups_readBackWhole() throws Exception {
    ParquetWriter writer =
        new ParquetWriter(
            List.of(
                ParquetColumn.required("i", INT32),
                ParquetColumn.optional("d", DOUBLE),
                ParquetColumn.required("cost", INT64)));
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    int rows = 100_000;
    for (int i = 0; i < rows; i++) {
      writer.add(i, i % 10 == 0 ? null : i * 0.5, 10L);
      if ((i + 1) % 10_000 == 0) {
        file.writeBytes(writer.rowGroup());
      }
    }
    file.writeBytes(writer.finish());

    DuckDbParquet parquet = DuckDbParquet.of(dir, file.toByteArray());

    assertThat(parquet.rowGroups()).isEqualTo(10);
    Map<String, Object> totals =
        parquet
            .query(
                "SELECT count(*) AS n, sum(i) AS si, count(d) AS nd, sum(d) AS sd,"
                    + " sum(cost) AS sc, min(i) AS lo, max(i) AS hi FROM read_parquet('$file')")
            .get(0);
    assertThat(((Number) totals.get("n")).longValue()).isEqualTo(rows);
    assertThat(((Number) totals.get("si")).longValue()).isEqualTo((long) rows * (rows - 1) / 2);
    assertThat(((Number) totals.get("nd")).longValue()).isEqualTo(rows - rows / 10);
    long sumOfNonNull = (long) rows * (rows - 1) / 2 - 10L * (rows / 10) * (rows / 10 - 1) / 2;
    assertThat(((Number) totals.get("sd")).doubleValue()).isEqualTo(sumOfNonNull * 0.5);
    assertThat(((Number) totals.get("sc")).longValue()).isEqualTo(10L * rows);
    assertThat(totals).containsEntry("lo", 0).containsEntry("hi", rows - 1);
  }

  @Test
  void unicodeStrings_andNames_readBackAsWritten() throws Exception {
    List<String> texts =
        List.of("Zürich", "日本語のテキスト", "emoji 🚀 ok", "a,b;\"c\"\n", "ĳ ß Ω", "x".repeat(5000));
    ParquetWriter writer =
        new ParquetWriter(
            List.of(
                ParquetColumn.required("größe", DOUBLE), ParquetColumn.optional("text", STRING)));
    texts.forEach(text -> writer.add(1.0, text));

    DuckDbParquet file = DuckDbParquet.of(dir, writer.finish());

    assertThat(file.types()).containsOnlyKeys("größe", "text");
    assertThat(file.rows().stream().map(row -> row.get("text"))).containsExactlyElementsOf(texts);
  }

  @Test
  void noRows_isAFileWithItsColumnsAndNoRowGroups() throws Exception {
    ParquetWriter writer =
        new ParquetWriter(
            List.of(
                ParquetColumn.required("index", INT32), ParquetColumn.optional("node", STRING)));

    DuckDbParquet file = DuckDbParquet.of(dir, writer.finish());

    assertThat(file.rows()).isEmpty();
    assertThat(file.types())
        .containsExactly(Map.entry("index", "INTEGER"), Map.entry("node", "VARCHAR"));
  }

  @Test
  void aNullInARequiredColumn_orAValueOfTheWrongType_isRefused() {
    ParquetWriter writer =
        new ParquetWriter(
            List.of(ParquetColumn.required("index", INT32), ParquetColumn.optional("kpi", DOUBLE)));

    assertThatThrownBy(() -> writer.add(null, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.add(1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.add(1)).isInstanceOf(IllegalArgumentException.class);
  }
}
