package com.fmugateway.bootstrap.timing;

import com.fmugateway.adapter.out.persistence.database.DatabaseActivityProbe;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.MemoryPoolMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The benchmark's side channel, off by default. With {@code fmugw.benchmark.timings=true} every
 * {@code POST /simulate} is timed by phase and {@code GET /benchmark/timings} (any API key) answers
 * the phase timers, this gateway's database round trips, and its heap: in use now, the sum of the
 * heap pools' peaks (an upper bound, garbage included), and what was left after each garbage
 * collection (a live set, {@link HeapAfterCollections}). {@code POST /benchmark/heap-peak} starts
 * new peaks.
 */
@Configuration(proxyBeanMethods = false)
public class TimingConfiguration {

  @Bean
  PhaseTimers phaseTimers(@Value("${fmugw.benchmark.timings:false}") boolean on) {
    return new PhaseTimers(on ? new SimpleMeterRegistry() : null);
  }

  @Bean
  PhaseTimingFilter phaseTimingFilter(PhaseTimers timers) {
    return new PhaseTimingFilter(timers);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnBooleanProperty("fmugw.benchmark.timings")
  HeapAfterCollections heapAfterCollections() {
    return HeapAfterCollections.listening();
  }

  @Bean
  @ConditionalOnBooleanProperty("fmugw.benchmark.timings")
  RouterFunction<ServerResponse> benchmarkRoutes(
      PhaseTimers timers, DatabaseActivityProbe database, HeapAfterCollections afterCollections) {
    return RouterFunctions.route()
        .GET(
            "/benchmark/timings",
            request ->
                database
                    .snapshot()
                    .flatMap(
                        db -> {
                          Map<String, Object> body = new LinkedHashMap<>();
                          body.put("phases", phases(timers));
                          body.put("database", db);
                          body.put("heap", heap(afterCollections));
                          return ServerResponse.ok().bodyValue(body);
                        }))
        .POST(
            "/benchmark/heap-peak",
            request -> {
              HeapAfterCollections.heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
              afterCollections.resetPeak();
              return ServerResponse.noContent().build();
            })
        .build();
  }

  private static Map<String, Object> phases(PhaseTimers timers) {
    Map<String, Object> phases = new LinkedHashMap<>();
    for (Phase phase : Phase.values()) {
      Timer timer = timers.registry().find(PhaseTimers.METER).tag("phase", phase.label()).timer();
      if (timer != null) {
        phases.put(
            phase.label(),
            Map.of(
                "count", timer.count(),
                "total_ms", timer.totalTime(TimeUnit.NANOSECONDS) / 1e6,
                "max_ms", timer.max(TimeUnit.NANOSECONDS) / 1e6));
      }
    }
    return phases;
  }

  private static Map<String, Long> heap(HeapAfterCollections afterCollections) {
    long used = 0;
    long peak = 0;
    for (MemoryPoolMXBean pool : HeapAfterCollections.heapPools()) {
      used += pool.getUsage().getUsed();
      peak += pool.getPeakUsage().getUsed();
    }
    HeapAfterCollections.Snapshot after = afterCollections.snapshot();
    return Map.of(
        "used_bytes", used,
        "peak_bytes", peak,
        "after_gc_bytes", after.lastBytes(),
        "after_gc_peak_bytes", after.peakBytes(),
        "collections", after.collections());
  }
}
