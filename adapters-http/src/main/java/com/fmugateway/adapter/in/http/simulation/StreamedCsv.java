package com.fmugateway.adapter.in.http.simulation;

import com.fmugateway.adapter.in.http.problem.PaymentRequiredException;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.StreamedRun;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A streamed run written as {@link CsvResults} writes a whole one, rows as the samples come (layout
 * ROWS), in {@link TextPieces}: the last once the run has succeeded and was charged. Nothing is
 * written before the first piece, so a run that fails before it is still a plain error response;
 * one that fails later is cut off and its connection aborted (chunked transfer without its last
 * chunk), which HTTP clients report as an error.
 */
final class StreamedCsv {

  private StreamedCsv() {}

  static Flux<DataBuffer> of(Flux<StreamedRun> run) {
    return Flux.defer(
        () -> {
          TextPieces pieces = new TextPieces();
          boolean[] opened = {false};
          return run.concatMap(
              part -> {
                if (part instanceof StreamedRun.PaymentRequired required) {
                  return Mono.error(new PaymentRequiredException(required.demand()));
                }
                if (part instanceof StreamedRun.Finished) {
                  return pieces.all();
                }
                if (!(part instanceof StreamedRun.Samples samples)) {
                  return Mono.empty();
                }
                ResultPart.Chunk chunk = samples.chunk();
                if (!opened[0]) {
                  pieces.text().append(CsvResults.header(chunk.columns()));
                  opened[0] = true;
                }
                CsvResults.rows(
                    chunk.time(), chunk.columns(), 0, chunk.time().length, pieces.text());
                return pieces.whenFull();
              });
        });
  }
}
