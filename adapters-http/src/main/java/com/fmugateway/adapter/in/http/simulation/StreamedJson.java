package com.fmugateway.adapter.in.http.simulation;

import com.fmugateway.adapter.in.http.problem.PaymentRequiredException;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationReport;
import com.fmugateway.domain.simulation.model.StreamedRun;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A streamed run written as the JSON {@link SimulateResponse} describes, chunk by chunk: {@code
 * run_id}, {@code fmu_id}, then {@code results} column after column as the samples come (layout
 * COLUMNS), and only once the run has succeeded and was charged, {@code status}, {@code cost},
 * {@code kpis}, {@code provenance}, {@code non_finite} and {@code clock_events} with the closing
 * brace, in {@link TextPieces}. Nothing is written before the first piece, so a run that fails
 * before it is still a plain error response; one that fails later leaves the JSON unclosed and the
 * connection is aborted.
 */
final class StreamedJson {

  private final JsonMapper json;
  private final NonFinite.Builder nonFinite = new NonFinite.Builder();
  private Set<String> arrays = Set.of();
  private String head;
  private boolean opened;
  private final TextPieces pieces = new TextPieces();
  private String key;
  private long index;

  private StreamedJson(JsonMapper json) {
    this.json = json;
  }

  static Flux<DataBuffer> of(Flux<StreamedRun> run, JsonMapper json) {
    return Flux.defer(
        () -> {
          StreamedJson writer = new StreamedJson(json);
          return run.concatMap(writer::write);
        });
  }

  private Mono<DataBuffer> write(StreamedRun part) {
    if (part instanceof StreamedRun.Started started) {
      arrays = started.arrays();
      head =
          "{\"run_id\":"
              + quote(started.runId().toString())
              + ",\"fmu_id\":"
              + quote(started.fmuId().value())
              + ",\"results\":{";
      return Mono.empty();
    }
    if (part instanceof StreamedRun.PaymentRequired required) {
      return Mono.error(new PaymentRequiredException(required.demand()));
    }
    StringBuilder out = pieces.text();
    if (!opened) {
      out.append(head);
      opened = true;
    }
    if (part instanceof StreamedRun.Samples samples) {
      samples(samples.chunk(), out);
      return pieces.whenFull();
    }
    finish(((StreamedRun.Finished) part).report(), out);
    return pieces.all();
  }

  private void samples(ResultPart.Chunk chunk, StringBuilder out) {
    String chunkKey = chunk.columns().isEmpty() ? "time" : keyOf(chunk.columns().get(0));
    boolean first = !chunkKey.equals(key);
    if (first) {
      out.append(key == null ? "" : "],").append(quote(chunkKey)).append(":[");
      key = chunkKey;
      index = 0;
    }
    boolean array = arrays.contains(chunkKey);
    double[] time = chunk.time();
    for (int i = 0; i < time.length; i++) {
      if (!first || i > 0) {
        out.append(',');
      }
      if (chunk.columns().isEmpty()) {
        real("time", time[i], index + i, out);
      } else if (array) {
        out.append('[');
        for (int k = 0; k < chunk.columns().size(); k++) {
          if (k > 0) {
            out.append(',');
          }
          value(chunk.columns().get(k), i, out);
        }
        out.append(']');
      } else {
        value(chunk.columns().get(0), i, out);
      }
    }
    index += time.length;
  }

  private String keyOf(Column column) {
    String name = column.name();
    int open = name.lastIndexOf('[');
    return open > 0 && name.endsWith("]") && arrays.contains(name.substring(0, open))
        ? name.substring(0, open)
        : name;
  }

  private void value(Column column, int i, StringBuilder out) {
    if (column instanceof Column.Real real) {
      real(column.name(), real.values()[i], index + i, out);
    } else if (column instanceof Column.Text text) {
      out.append(quote(text.values().get(i)));
    } else {
      out.append(column.valueAt(i));
    }
  }

  private void real(String name, double value, long at, StringBuilder out) {
    if (Double.isFinite(value)) {
      Decimals.append(out, value);
    } else {
      nonFinite.sample(name, at, value);
      out.append("null");
    }
  }

  private void finish(SimulationReport report, StringBuilder out) {
    out.append(key == null ? "}" : "]}");
    Map<String, Object> rest = new LinkedHashMap<>();
    rest.put("status", "ok");
    rest.put("cost", SimulateResponse.CostResponse.from(report));
    rest.put("kpis", nonFinite.kpis(report.kpis()));
    rest.put("provenance", SimulateResponse.ProvenanceResponse.from(report.provenance()));
    NonFinite spelled = nonFinite.build();
    if (spelled != null) {
      rest.put("non_finite", spelled);
    }
    if (!report.result().clockEvents().isEmpty()) {
      rest.put("clock_events", report.result().clockEvents());
    }
    out.append(',').append(json.writeValueAsString(rest).substring(1));
  }

  private String quote(String text) {
    return json.writeValueAsString(text);
  }
}
