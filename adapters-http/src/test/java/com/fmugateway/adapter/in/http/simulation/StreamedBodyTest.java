package com.fmugateway.adapter.in.http.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.fixtures.Reports;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.simulation.model.Column;
import com.fmugateway.domain.simulation.model.ResultPart;
import com.fmugateway.domain.simulation.model.SimulationResult;
import com.fmugateway.domain.simulation.model.StreamedRun;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a streamed run's body leaves: a small result in one piece once the run is charged (one write
 * for the event loop, not one per worker message), a large one in pieces while the run goes on.
 */
class StreamedBodyTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final UUID RUN = UUID.randomUUID();
  private static final FmuId FMU = new FmuId("lib:BouncingBall");

  @Test
  void aSmallJsonResult_leavesInOnePieceWithItsEnd() {
    // Layout COLUMNS, as the worker sends JSON runs: time, then each output, in messages.
    List<String> pieces =
        pieces(
            run -> StreamedJson.of(run, JSON),
            times(0, 100),
            times(100, 50),
            samples(0, 100),
            samples(100, 50));

    assertThat(pieces).hasSize(1);
    JsonNode body = JSON.readTree(pieces.get(0));
    assertThat(body.get("run_id").asString()).isEqualTo(RUN.toString());
    assertThat(body.get("results").get("time")).hasSize(150);
    assertThat(body.get("results").get("h").get(149).asDouble()).isEqualTo(149.5);
    assertThat(body.get("status").asString()).isEqualTo("ok");
  }

  @Test
  void aSmallCsvResult_leavesInOnePieceWithItsEnd() {
    List<String> pieces = pieces(StreamedCsv::of, samples(0, 100), samples(100, 50));

    assertThat(pieces).hasSize(1);
    assertThat(pieces.get(0)).startsWith("time,h\r\n0.0,0.5\r\n");
    assertThat(pieces.get(0).split("\r\n")).hasSize(151);
  }

  @Test
  void aLargeJsonResult_startsLeavingBeforeTheRunEnds() {
    assertLeavesBeforeTheEnd(run -> StreamedJson.of(run, JSON));
  }

  @Test
  void aLargeCsvResult_startsLeavingBeforeTheRunEnds() {
    assertLeavesBeforeTheEnd(StreamedCsv::of);
  }

  @Test
  void jsonNumbers_readBackAsTheDoublesSent_inTheirFewestDigits() {
    double[] h = anyDoubles();
    String body = String.join("", pieces(run -> StreamedJson.of(run, JSON), samples(h)));

    JsonNode sent = JSON.readTree(body).get("results").get("h");
    for (int i = 0; i < h.length; i++) {
      assertThat(sent.get(i).asDouble()).as("sample %d", i).isEqualTo(h[i]);
    }
    assertThat(body).contains("6.666843278055655E16").doesNotContain("6.6668432780556552E16");
  }

  @Test
  void csvNumbers_readBackAsTheDoublesSent_inTheirFewestDigits() {
    double[] h = anyDoubles();
    String body = String.join("", pieces(StreamedCsv::of, samples(h)));

    String[] rows = body.split("\r\n");
    assertThat(rows).hasSize(h.length + 1);
    for (int i = 0; i < h.length; i++) {
      assertThat(Double.parseDouble(rows[i + 1].split(",")[1])).as("sample %d", i).isEqualTo(h[i]);
    }
    assertThat(body).contains("6.666843278055655E16").doesNotContain("6.6668432780556552E16");
  }

  /**
   * 2,000 finite doubles of any bits, the first one that Java 17's {@code Double.toString} writes
   * with a digit more than it needs.
   */
  private static double[] anyDoubles() {
    double[] h =
        new Random(7)
            .longs()
            .mapToDouble(Double::longBitsToDouble)
            .filter(Double::isFinite)
            .limit(2_000)
            .toArray();
    h[0] = 6.666843278055655E16;
    return h;
  }

  /** 5,000 samples (over 32 Ki characters of text) are out while the run has not ended. */
  private static void assertLeavesBeforeTheEnd(Function<Flux<StreamedRun>, Flux<DataBuffer>> body) {
    Sinks.Many<StreamedRun> run = Sinks.many().unicast().onBackpressureBuffer();
    List<String> pieces = new ArrayList<>();
    body.apply(run.asFlux()).map(StreamedBodyTest::text).subscribe(pieces::add);

    run.tryEmitNext(new StreamedRun.Started(RUN, FMU, Set.of()));
    run.tryEmitNext(samples(0, 5_000));

    assertThat(pieces).hasSize(1);
    assertThat(pieces.get(0).length()).isGreaterThanOrEqualTo(TextPieces.FLUSH_CHARS);

    run.tryEmitNext(samples(5_000, 10));
    run.tryEmitNext(finished());
    run.tryEmitComplete();

    assertThat(pieces).hasSize(2);
    assertThat(String.join("", pieces)).contains("5009.5");
  }

  private static List<String> pieces(
      Function<Flux<StreamedRun>, Flux<DataBuffer>> body, StreamedRun... samples) {
    List<StreamedRun> parts = new ArrayList<>();
    parts.add(new StreamedRun.Started(RUN, FMU, Set.of()));
    parts.addAll(List.of(samples));
    parts.add(finished());
    return body.apply(Flux.fromIterable(parts)).map(StreamedBodyTest::text).collectList().block();
  }

  /** Times {@code from} to {@code from + n}, alone (layout COLUMNS). */
  private static StreamedRun times(int from, int n) {
    double[] time = IntStream.range(from, from + n).asDoubleStream().toArray();
    return new StreamedRun.Samples(new ResultPart.Chunk(time, List.of()));
  }

  /** Samples {@code from} to {@code from + n}: time i, h i + 0.5. */
  private static StreamedRun samples(int from, int n) {
    double[] time = IntStream.range(from, from + n).asDoubleStream().toArray();
    double[] h = IntStream.range(from, from + n).mapToDouble(i -> i + 0.5).toArray();
    return new StreamedRun.Samples(new ResultPart.Chunk(time, List.of(new Column.Real("h", h))));
  }

  /** Samples 0 to {@code h.length}: time i, h as given. */
  private static StreamedRun samples(double[] h) {
    double[] time = IntStream.range(0, h.length).asDoubleStream().toArray();
    return new StreamedRun.Samples(new ResultPart.Chunk(time, List.of(new Column.Real("h", h))));
  }

  private static StreamedRun finished() {
    SimulationResult result =
        new SimulationResult(
            new double[0],
            List.of(new Column.Real("h", new double[0])),
            150,
            0,
            Duration.ofMillis(1),
            List.of(),
            Map.of(),
            Optional.empty(),
            Set.of());
    return new StreamedRun.Finished(Reports.of(RUN, FMU, result, FmuInterface.CO_SIMULATION));
  }

  private static String text(DataBuffer buffer) {
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
