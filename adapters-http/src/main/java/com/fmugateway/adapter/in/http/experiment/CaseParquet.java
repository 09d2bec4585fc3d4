package com.fmugateway.adapter.in.http.experiment;

import com.fmugateway.adapter.in.http.experiment.parquet.ParquetWriter;
import com.fmugateway.domain.experiment.model.CaseSlice;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import java.util.function.LongFunction;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cases as a Parquet file, the CSV's table typed: read page by page twice, once for the columns
 * ({@link CaseTable}) and once for the rows, each page becoming one row group. At most one page of
 * cases and its encoded row group are held at a time, whatever the experiment's size.
 */
final class CaseParquet {

  static final String MEDIA_TYPE = "application/vnd.apache.parquet";

  private CaseParquet() {}

  /** The columns for every case {@code page} gives, from offset 0 to the last. */
  static Mono<CaseTable> table(LongFunction<Mono<CaseSlice>> page) {
    return pages(page).reduceWith(CaseTable::new, CaseTable::see);
  }

  /** The file, in pieces: the head and each page's row group, then the footer. */
  static Flux<byte[]> file(CaseTable table, LongFunction<Mono<CaseSlice>> page) {
    return Flux.defer(
        () -> {
          ParquetWriter writer = new ParquetWriter(table.columns());
          return pages(page)
              .map(
                  slice -> {
                    for (ExperimentCase c : slice.items()) {
                      writer.add(table.row(c));
                    }
                    return writer.rowGroup();
                  })
              .concatWith(Mono.fromCallable(writer::finish))
              .filter(bytes -> bytes.length > 0);
        });
  }

  private static Flux<CaseSlice> pages(LongFunction<Mono<CaseSlice>> page) {
    return page.apply(0)
        .expand(
            slice -> {
              long next = slice.offset() + slice.items().size();
              return slice.items().isEmpty() || next >= slice.total()
                  ? Mono.empty()
                  : page.apply(next);
            });
  }
}
