import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for a running gateway: latency of POST /simulate run one at a time (median, p99),
 * then throughput with several clients at once. Run through scripts/benchmark.sh, which starts a
 * fresh gateway; or directly: java scripts/Benchmark.java http://localhost:8080 [runs] [clients].
 */
public class Benchmark {

  private static final String BODY =
      "{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":3.0,\"step\":0.01%s}";

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    String extra = args.length > 3 ? args[3] : "";
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String key = newKey(http, base);
    String body = String.format(BODY, extra.isEmpty() ? "" : "," + extra);

    for (int i = 0; i < Math.max(20, runs / 10); i++) {
      simulate(http, base, key, body);
    }
    List<Double> latencies = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      latencies.add(simulate(http, base, key, body));
    }
    Collections.sort(latencies);
    System.out.printf(
        "sequential: %d runs of msl:BouncingBall 3 s at 0.01 %s%n  median %.2f ms, p99 %.2f ms, min %.2f ms, max %.2f ms%n",
        runs, extra.isEmpty() ? "(interface auto = cs)" : extra,
        percentile(latencies, 50), percentile(latencies, 99), latencies.get(0), latencies.get(runs - 1));

    int total = runs * 2;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    List<Future<Double>> futures = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      futures.add(pool.submit(() -> simulate(http, base, key, body)));
    }
    List<Double> concurrent = new ArrayList<>();
    for (Future<Double> f : futures) {
      concurrent.add(f.get());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    Collections.sort(concurrent);
    System.out.printf(
        "concurrent: %d runs from %d clients in %.2f s: %.1f simulations/s, median %.2f ms, p99 %.2f ms%n",
        total, clients, seconds, total / seconds, percentile(concurrent, 50), percentile(concurrent, 99));
  }

  private static double simulate(HttpClient http, String base, String key, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/simulate"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException("simulate answered " + response.statusCode() + ": " + response.body());
    }
    return ms;
  }

  private static String newKey(HttpClient http, String base) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/keys")).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException("no key in " + response.body());
    }
    return m.group(1);
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
