package com.fmugateway.adapter.in.http.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.adapter.in.http.experiment.parquet.DuckDbParquet;
import com.fmugateway.domain.experiment.model.CaseSlice;
import com.fmugateway.domain.experiment.model.CaseStatus;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.experiment.port.in.ListCasesQuery;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** Cases to Parquet: columns from every page, one row group per page, read back by DuckDB. */
class ParquetCasesTest {

  private static final UUID EXPERIMENT = UUID.randomUUID();

  @TempDir Path dir;

  @Test
  void manyCases_comeOutPageByPage_withTypedColumnsAndNulls() throws Exception {
    List<ExperimentCase> all = new ArrayList<>();
    for (int i = 0; i < 25_000; i++) {
      all.add(aCase(i));
    }
    AtomicInteger calls = new AtomicInteger();
    LongFunction<Mono<CaseSlice>> page =
        offset -> {
          calls.incrementAndGet();
          int from = (int) offset;
          int to = Math.min(all.size(), from + ListCasesQuery.MAX_LIMIT);
          return Mono.just(
              new CaseSlice(all.subList(from, to), offset, ListCasesQuery.MAX_LIMIT, all.size()));
        };

    CaseTable table = CaseParquet.table(page).block();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    List<byte[]> pieces = CaseParquet.file(table, page).collectList().block();
    pieces.forEach(file::writeBytes);
    DuckDbParquet parquet = DuckDbParquet.of(dir, file.toByteArray());

    assertThat(calls).hasValue(6);
    assertThat(pieces).hasSize(4);
    assertThat(parquet.rowGroups()).isEqualTo(3);
    assertThat(parquet.types())
        .containsExactly(
            Map.entry("index", "INTEGER"),
            Map.entry("status", "VARCHAR"),
            Map.entry("k", "DOUBLE"),
            Map.entry("mode", "VARCHAR"),
            Map.entry("some", "DOUBLE"),
            Map.entry("status_2", "DOUBLE"),
            Map.entry("y_max", "DOUBLE"),
            Map.entry("node", "VARCHAR"),
            Map.entry("failure", "VARCHAR"),
            Map.entry("cost", "BIGINT"));
    assertThat(parquet.repetition())
        .containsEntry("k", "REQUIRED")
        .containsEntry("some", "OPTIONAL")
        .containsEntry("y_max", "OPTIONAL");
    List<Map<String, Object>> rows = parquet.rows();
    assertThat(rows).hasSize(all.size());
    assertThat(rows.get(0))
        .containsEntry("index", 0)
        .containsEntry("status", "succeeded")
        .containsEntry("k", 0.0)
        .containsEntry("mode", "true")
        .containsEntry("some", 0.0)
        .containsEntry("node", "node-1")
        .containsEntry("cost", 10L);
    assertThat((Double) rows.get(0).get("y_max")).isNaN();
    assertThat(rows.get(12_345))
        .containsEntry("index", 12_345)
        .containsEntry("status", "succeeded")
        .containsEntry("k", 12_345 * 0.25)
        .containsEntry("mode", "fast")
        .containsEntry("y_max", 24_690.0);
    assertThat(rows.get(12_345).get("some")).isNull();
    assertThat(rows.get(24_998))
        .containsEntry("status", "failed")
        .containsEntry("failure", "diverged: ü ✗")
        .containsEntry("cost", 0L);
    assertThat(rows.get(24_998).get("y_max")).isNull();
    assertThat(rows.get(24_999)).containsEntry("status", "queued");
    assertThat(rows.get(24_999).get("node")).isNull();
  }

  private static ExperimentCase aCase(int index) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("k", index == 0 ? (Object) 0 : index * 0.25);
    parameters.put("mode", index == 0 ? (Object) Boolean.TRUE : "fast");
    if (index % 2 == 0) {
      parameters.put("some", (double) index);
    }
    parameters.put("status", 1.0);
    CaseStatus status =
        index == 24_999
            ? CaseStatus.QUEUED
            : index == 24_998 ? CaseStatus.FAILED : CaseStatus.SUCCEEDED;
    Map<String, Double> kpis =
        status == CaseStatus.SUCCEEDED
            ? Map.of("y_max", index == 0 ? Double.NaN : 2.0 * index)
            : Map.of();
    return new ExperimentCase(
        UUID.randomUUID(),
        EXPERIMENT,
        index,
        parameters,
        status,
        status == CaseStatus.QUEUED ? Optional.empty() : Optional.of("node-1"),
        status == CaseStatus.FAILED ? Optional.of("diverged: ü ✗") : Optional.empty(),
        status == CaseStatus.SUCCEEDED ? 10 : 0,
        kpis,
        Optional.of(Instant.EPOCH),
        Optional.empty());
  }
}
