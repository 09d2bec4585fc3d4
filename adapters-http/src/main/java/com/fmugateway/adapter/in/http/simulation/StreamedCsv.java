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
 * ROWS), in pieces of at least {@link StreamedJson#FLUSH_CHARS} characters and the rest once the
 * run has succeeded and was charged (a small result leaves in one write, see {@link StreamedJson}).
 * Nothing is written before the first piece, so a run that fails before it is still a plain error
 * response; one that fails later is cut off and its connection aborted (chunked transfer without
 * its last chunk), which HTTP clients report as an error.
 */
final class StreamedCsv {

  private StreamedCsv() {}

  static Flux<DataBuffer> of(Flux<StreamedRun> run) {
    return Flux.defer(
        () -> {
          boolean[] opened = {false};
          StringBuilder[] out = {new StringBuilder()};
          return run.concatMap(
              part -> {
                if (part instanceof StreamedRun.PaymentRequired required) {
                  return Mono.error(new PaymentRequiredException(required.demand()));
                }
                if (part instanceof StreamedRun.Samples samples) {
                  ResultPart.Chunk chunk = samples.chunk();
                  if (!opened[0]) {
                    out[0].append(CsvResults.header(chunk.columns()));
                    opened[0] = true;
                  }
                  out[0].append(
                      CsvResults.rows(chunk.time(), chunk.columns(), 0, chunk.time().length));
                  if (out[0].length() < StreamedJson.FLUSH_CHARS) {
                    return Mono.empty();
                  }
                } else if (!(part instanceof StreamedRun.Finished) || out[0].length() == 0) {
                  return Mono.empty();
                }
                DataBuffer piece = bytes(out[0].toString());
                out[0] = new StringBuilder();
                return Mono.just(piece);
              });
        });
  }

  static DataBuffer bytes(String text) {
    return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
