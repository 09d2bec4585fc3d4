package com.fmugateway.adapter.in.http.simulation;

import com.fmugateway.adapter.in.http.problem.PaymentRequiredException;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.StreamedRun;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A streamed run written as {@link CsvResults} writes a whole one, rows as the samples come (layout
 * ROWS). Nothing is written before the first samples, so a run that fails at once is still a plain
 * error response; one that fails later is cut off and its connection aborted (chunked transfer
 * without its last chunk), which HTTP clients report as an error.
 */
final class StreamedCsv {

  private StreamedCsv() {}

  static Flux<DataBuffer> of(Flux<StreamedRun> run) {
    return Flux.defer(
        () -> {
          boolean[] opened = {false};
          return run.concatMap(
              part -> {
                if (part instanceof StreamedRun.PaymentRequired required) {
                  return Mono.error(new PaymentRequiredException(required.demand()));
                }
                if (!(part instanceof StreamedRun.Samples samples)) {
                  return Mono.empty();
                }
                ResultPart.Chunk chunk = samples.chunk();
                String rows =
                    CsvResults.rows(chunk.time(), chunk.columns(), 0, chunk.time().length);
                String text = opened[0] ? rows : CsvResults.header(chunk.columns()) + rows;
                opened[0] = true;
                return Mono.just(bytes(text));
              });
        });
  }

  static DataBuffer bytes(String text) {
    return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
