import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Load client for a running gateway started with fmugw.benchmark.timings=true (scripts/benchmark.sh
 * does that): latency of a paid POST /simulate run one at a time (median, p99) with the gateway's
 * own breakdown by phase and its database round trips per run; throughput at 1, 4 and 16 clients
 * (one account each); the first runs of five newly uploaded FMUs; large results as JSON and CSV;
 * model exchange on VanDerPol; warm runs beside another account's long ones. Usage: java
 * scripts/Benchmark.java URL [runs] [clients] [extra JSON]
 * [full|latency|throughput|cold|fmi|me|large|contention] (throughput: the throughput lines alone,
 * after the warm-up; cold: five first runs of new uploads of BENCH_FMU after the warm-up, each with
 * its breakdown by phase; large: the large results alone; contention: warm runs beside long ones
 * alone, after the warm-up);
 * SUMMARY=file appends "key value" lines for the script's final table.
 */
public class Benchmark {

  /** Linux's clock tick (USER_HZ), in which /proc counts CPU time. */
  private static final double TICK_MS = 10;

  private static final String BODY =
      "{\"fmu_id\":\"%s\",\"stop_time\":%s,\"step\":0.01%s}";

  private static final String[] PHASES = {
    "http_decode", "authentication", "rate_limit", "fmu_lookup", "run_slot", "quote_hold",
    "worker_round_trip", "inside_fmu", "settle_record", "use_case_other", "encoding", "server_total"
  };

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** How long the gateway is warmed up before the sequential figures: BENCH_WARM_UP_S, 60 s. */
  private static final Duration WARM_UP =
      Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARM_UP_S", "60")));

  /** Measured rounds per client count; the rate printed is their median. */
  private static final int MEASURED_ROUNDS = 3;

  /**
   * The fewest runs in a throughput round (BENCH_THROUGHPUT_ROUND, 3,000; twice the sequential runs
   * if more): rounds of 600 lasted one or two seconds, and this machine's speed and the gateway's
   * JIT move on that scale (4 clients against 1: 1.13x, 1.56x and 1.77x in three runs of one jar).
   */
  private static final int THROUGHPUT_ROUND =
      Integer.parseInt(System.getenv().getOrDefault("BENCH_THROUGHPUT_ROUND", "3000"));

  /** The longest warm-up of each client count's throughput: BENCH_THROUGHPUT_WARM_UP_S. */
  private static final Duration THROUGHPUT_WARM_UP =
      Duration.ofSeconds(
          Long.parseLong(System.getenv().getOrDefault("BENCH_THROUGHPUT_WARM_UP_S", "120")));

  /** The longest warm-up, waiting for the gateway's CPU per run to settle: BENCH_WARM_UP_MAX_S. */
  private static final Duration WARM_UP_MAX =
      Duration.ofSeconds(
          Long.parseLong(System.getenv().getOrDefault("BENCH_WARM_UP_MAX_S", "300")));

  private static String base;
  private static final Map<String, String> summary = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    base = args.length > 0 ? args[0] : "http://localhost:8080";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    String extra = args.length > 3 ? args[3] : "";
    boolean full = args.length <= 4 || !"latency".equals(args[4]);
    if (args.length > 4 && "me".equals(args[4])) {
      modelExchangeOverhead(runs); // scripts/benchmark-me.sh
      return;
    }
    if (args.length > 4 && "fmi".equals(args[4])) {
      fmiVersions(newKey());
      return;
    }
    if (args.length > 4 && "large".equals(args[4])) { // e.g. against a gateway with a capped heap
      largeResults(newKey());
      return;
    }
    String key = newKey();
    String body = body("msl:BouncingBall", "3.0", extra);
    boolean throughputOnly = args.length > 4 && "throughput".equals(args[4]);

    warmUp(key, body);
    if (args.length > 4 && "cold".equals(args[4])) { // first runs of new uploads, one after another
      coldStarts(key, Double.NaN);
      newAccountFirstRun(body);
      return;
    }
    if (args.length > 4 && "contention".equals(args[4])) { // the warm run beside long ones alone
      contention(key, body, Double.NaN, runs);
      return;
    }
    if (throughputOnly) { // the throughput lines alone, e.g. to compare two settings
      for (int n : clientCounts(clients)) {
        throughput(n, runs, body);
      }
      return;
    }
    String idle = timings(key);
    pause(); // the server's statistics are published lazily
    String before = timings(key);
    List<Double> latencies = new ArrayList<>();
    Cpu cpuBefore = Cpu.now();
    for (int i = 0; i < runs; i++) {
      latencies.add(simulate(key, body, "application/json").ms);
    }
    Cpu cpuAfter = Cpu.now();
    pause();
    Cpu cpuIdle = Cpu.now();
    String after = timings(key);
    Collections.sort(latencies);
    System.out.printf(
        "sequential: %d paid runs of msl:BouncingBall 3 s at 0.01 %s%n"
            + "  end to end: median %.2f ms, p99 %.2f ms, min %.2f ms, max %.2f ms%n",
        runs, extra.isEmpty() ? "(interface auto = cs)" : extra,
        percentile(latencies, 50), percentile(latencies, 99), latencies.get(0),
        latencies.get(runs - 1));
    summary.put("median_ms", fmt(percentile(latencies, 50)));
    summary.put("p99_ms", fmt(percentile(latencies, 99)));
    breakdown(idle, before, after, runs);
    cpuPerRun(cpuBefore, cpuAfter, cpuIdle, runs);

    if (full) {
      for (int n : clientCounts(clients)) {
        throughput(n, runs, body);
      }
      coldStarts(key, percentile(latencies, 50));
      newAccountFirstRun(body);
      largeResults(key);
      modelExchange(key);
      fmiVersions(key);
      contention(key, body, percentile(latencies, 50), runs);
    }
    String file = System.getenv("SUMMARY");
    if (file != null) {
      StringBuilder lines = new StringBuilder();
      summary.forEach((k, v) -> lines.append(k).append(' ').append(v).append('\n'));
      Files.writeString(
          Path.of(file), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  /**
   * Warm: the FMU loaded in its worker and the gateway's code compiled by the JIT's optimizing
   * tier. That takes minutes of runs on two cores (the compiler competes with the runs), and a
   * gateway still compiling shows several times its settled CPU per run. So the warm-up lasts
   * BENCH_WARM_UP_S (60 s), then, when the gateway's pid is known, goes on in rounds of 1,000 runs
   * until a round's gateway CPU per run is within 10% of the round before, or BENCH_WARM_UP_MAX_S
   * (300 s) in all.
   */
  private static void warmUp(String key, String body) throws Exception {
    long started = System.nanoTime();
    long minimum = started + WARM_UP.toNanos();
    long maximum = started + Math.max(WARM_UP.toNanos(), WARM_UP_MAX.toNanos());
    int warmRuns = 0;
    while (warmRuns < 20 || System.nanoTime() < minimum) {
      simulate(key, body, "application/json");
      warmRuns++;
    }
    List<String> rounds = new ArrayList<>();
    String end = "";
    if (Cpu.now().gateway() >= 0) {
      double previous = Double.NaN;
      end = " (not settled)";
      while (System.nanoTime() < maximum) {
        Cpu before = Cpu.now();
        for (int i = 0; i < 1_000; i++) {
          simulate(key, body, "application/json");
        }
        warmRuns += 1_000;
        double perRun = (Cpu.now().gateway() - before.gateway()) / 1_000;
        rounds.add(String.format("%.2f", perRun));
        if (Math.abs(perRun - previous) <= 0.1 * previous) {
          end = " (settled)";
          break;
        }
        previous = perRun;
      }
    }
    System.out.printf(
        "warm-up: %d runs in %.0f s%s%n", warmRuns, (System.nanoTime() - started) / 1e9,
        rounds.isEmpty() ? "" : "; gateway CPU per run, rounds of 1,000 after the first "
            + WARM_UP.toSeconds() + " s: " + String.join(", ", rounds) + " ms" + end);
    summary.put("warm_up_s", fmt((System.nanoTime() - started) / 1e9));
  }

  /** Mean time per run by phase, and database messages per run, from the gateway's counters. */
  private static void breakdown(String idle, String before, String after, int runs) {
    System.out.println("  by phase (mean per run, gateway's own timers):");
    for (String phase : PHASES) {
      double[] b = phase(before, phase);
      double[] a = phase(after, phase);
      double count = a[0] - b[0];
      double ms = count == 0 ? 0 : (a[1] - b[1]) / runs;
      String note =
          switch (phase) {
            case "worker_round_trip" -> "  (queue wait for a worker included; not separable"
                + " without the sandbox host's own timer)";
            case "inside_fmu" -> "  (the worker's CPU time in the FMU, part of the round trip)";
            case "run_slot" -> "  (a slot taken on its own: a run paid from credits takes"
                + " its slot in the hold's statement, and gives it back in the run's end)";
            case "quote_hold" -> "  (the grant when due, then the hold and the run slot in one"
                + " statement)";
            case "server_total" -> "  (first filter to last byte written)";
            default -> "";
          };
      System.out.printf("    %-18s %8.3f ms%s%n", phase, ms, note);
      summary.put("phase_" + phase, fmt(ms));
    }
    // Each timings request costs some messages of its own: measured between two idle snapshots.
    long overhead = counter(before, "round_trips") - counter(idle, "round_trips");
    double trips = (counter(after, "round_trips") - counter(before, "round_trips") - overhead)
        / (double) runs;
    System.out.printf(
        "  database per run: %.1f round trips (%.1f statements, %.1f BEGIN, %.1f COMMIT,"
            + " %.1f validations); %.1f transactions committed on the server%n",
        trips,
        perRun(idle, before, after, "statement", runs),
        perRun(idle, before, after, "begin", runs),
        perRun(idle, before, after, "commit", runs),
        perRun(idle, before, after, "validation", runs),
        (counter(after, "server_commits") - counter(before, "server_commits")) / (double) runs);
    summary.put("db_round_trips", fmt(trips));
    summary.put(
        "db_server_commits",
        fmt((counter(after, "server_commits") - counter(before, "server_commits")) / (double) runs));
  }

  private static double perRun(String idle, String before, String after, String name, int runs) {
    long overhead = counter(before, name) - counter(idle, name);
    return (counter(after, name) - counter(before, name) - overhead) / (double) runs;
  }

  /** {@code total} runs shared by one client per key, each client's one after another. */
  private static List<Result> runAll(
      ExecutorService pool, List<String> keys, int total, String body) throws Exception {
    List<Future<List<Result>>> futures = new ArrayList<>();
    int clients = keys.size();
    for (int c = 0; c < clients; c++) {
      String key = keys.get(c);
      int runs = total / clients + (c < total % clients ? 1 : 0);
      futures.add(
          pool.submit(
              () -> {
                List<Result> results = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                  results.add(simulate(key, body, "application/json", false));
                }
                return results;
              }));
    }
    List<Result> results = new ArrayList<>();
    for (Future<List<Result>> f : futures) {
      results.addAll(f.get());
    }
    return results;
  }

  private static List<Integer> clientCounts(int clients) {
    List<Integer> counts = new ArrayList<>(List.of(1, 4, 16));
    if (!counts.contains(clients)) {
      counts.add(clients);
    }
    return counts;
  }

  /**
   * Rounds of runs from {@code clients} threads, each its own account, one run at a time; a round is
   * THROUGHPUT_ROUND runs, or twice the {@code sequential} runs if more.
   */
  private static void throughput(int clients, int sequential, String body) throws Exception {
    int total = Math.max(sequential * 2, THROUGHPUT_ROUND);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      keys.add(newKey());
    }
    for (String key : keys) {
      simulate(key, body, "application/json");
    }
    // Each client is one account sending its runs one after another, as a user's script would.
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    // Unmeasured rounds of as many runs first: the workers this many clients need beyond the
    // sequential runs' one start now, and they and the gateway's code for concurrent requests are
    // compiled by their JITs meanwhile, which on two cores takes the CPU the runs would have. So
    // the rounds go on until the gateway's and its workers' CPU per run settles (within 10% of the
    // round before) and the gateway's JIT compiler has gone quiet (at most 5% of the gateway's CPU
    // in the round), or for BENCH_THROUGHPUT_WARM_UP_S (120 s) at most. Without the second
    // condition, the JIT still took 0.25 to 0.62 ms per run of the measured 4-client rounds (up to
    // a quarter of the gateway's CPU) for a minute or more after the change from one client.
    List<String> rounds = new ArrayList<>();
    long warmUntil = System.nanoTime() + THROUGHPUT_WARM_UP.toNanos();
    double previous = Double.NaN;
    boolean settled = false;
    do {
      Cpu roundStart = Cpu.now();
      Shares sharesStart = Shares.now();
      long roundStarted = System.nanoTime();
      runAll(pool, keys, total, body);
      if (roundStart.gateway() < 0) {
        break; // the gateway's pid is not known: one round
      }
      Cpu roundEnd = Cpu.now();
      double gateway = (roundEnd.gateway() - roundStart.gateway()) / total;
      double jit = (Shares.now().gatewayJit() - sharesStart.gatewayJit()) / total;
      double perRun = gateway + roundEnd.workers().since(roundStart.workers()) / total;
      rounds.add(String.format("%.1f runs/s at %.2f ms (JIT %.2f)",
          total / ((System.nanoTime() - roundStarted) / 1e9), perRun, jit));
      if (Math.abs(perRun - previous) <= 0.1 * previous && jit <= 0.05 * gateway) {
        settled = true;
        break;
      }
      previous = perRun;
    } while (System.nanoTime() < warmUntil);
    if (rounds.size() > 8) { // the first rounds and the last ones
      int left = rounds.size() - 6;
      rounds.subList(3, rounds.size() - 3).clear();
      rounds.add(3, left + " rounds more");
    }
    // Three measured rounds, their rate the median of the three: even a settled gateway's JIT
    // compiles now and then, in bursts of up to a second (a periodic job's first pass, a method
    // compiled again), and this machine's speed moves by 5% to 20% between rounds of a few seconds.
    // Every round's rate and JIT share is printed.
    List<Double> latencies = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    List<String> measured = new ArrayList<>();
    int errors = 0;
    Map<String, Integer> problems = new TreeMap<>();
    Cpu cpuBefore = Cpu.now();
    Shares sharesBefore = Shares.now();
    for (int round = 0; round < MEASURED_ROUNDS; round++) {
      Shares roundShares = Shares.now();
      long started = System.nanoTime();
      List<Result> results = runAll(pool, keys, total, body);
      double seconds = (System.nanoTime() - started) / 1e9;
      rates.add(total / seconds);
      measured.add(String.format("%.1f runs/s (JIT %.2f ms per run)", total / seconds,
          (Shares.now().gatewayJit() - roundShares.gatewayJit()) / total));
      for (Result r : results) {
        latencies.add(r.ms);
        errors += r.status == 200 ? 0 : 1;
        if (r.status != 200) {
          problems.merge(r.problem.length() > 300 ? r.problem.substring(0, 300) : r.problem, 1, Integer::sum);
        }
      }
    }
    Cpu cpuAfter = Cpu.now();
    Shares sharesAfter = Shares.now();
    pool.shutdown();
    int runs = MEASURED_ROUNDS * total;
    Collections.sort(latencies);
    Collections.sort(rates); // each round's rate in its order is in measured
    double rate = percentile(rates, 50);
    System.out.printf(
        "throughput, %2d clients: %.1f simulations/s (median of %d rounds of %d runs: %s);"
            + " of all %d runs: median %.2f ms, p99 %.2f ms, %d errors%n",
        clients, rate, MEASURED_ROUNDS, total, String.join(", ", measured), runs,
        percentile(latencies, 50), percentile(latencies, 99), errors);
    summary.put("rate_" + clients, fmt(rate));
    summary.put("p99_" + clients, fmt(percentile(latencies, 99)));
    summary.put("median_" + clients, fmt(percentile(latencies, 50)));
    summary.put("errors_" + clients, Integer.toString(errors));
    problems.forEach((problem, n) -> System.out.printf("    %d× %s%n", n, problem));
    if (!rounds.isEmpty()) {
      System.out.printf("    unmeasured rounds before them (rate, gateway and workers CPU per run, the gateway's JIT in it): %s%s%n",
          String.join("; ", rounds), settled ? " (settled)" : " (not settled)");
    }
    if (cpuBefore.gateway() >= 0) {
      // What the two cores did meanwhile: the runs, and what shares the machine with them here.
      double jit = (sharesAfter.gatewayJit() - sharesBefore.gatewayJit()) / runs;
      long gone = cpuAfter.workers().gone(cpuBefore.workers());
      double gateway = (cpuAfter.gateway() - cpuBefore.gateway()) / runs;
      double workers = cpuAfter.workers().since(cpuBefore.workers()) / runs;
      double database = cpuAfter.database().since(cpuBefore.database()) / runs;
      double client = (sharesAfter.client() - sharesBefore.client()) / runs;
      double busy =
          (sharesAfter.busy() - sharesBefore.busy())
              / ((cpuAfter.nanos() - cpuBefore.nanos()) / 1e6
                  * Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "    CPU per run, the three rounds together: gateway %.2f ms (its JIT compiler %.2f),"
              + " workers %.2f%s, database %.2f, this benchmark's client %.2f;"
              + " the machine's cores %.0f%% busy%n",
          gateway, jit, workers,
          gone == 0
              ? ""
              : " (" + gone + " worker processes exited meanwhile, counted as the gateway reaped"
                  + " them)",
          database, client, 100 * busy);
      summary.put("jit_per_run_" + clients, fmt(jit));
      summary.put("client_cpu_per_run_" + clients, fmt(client));
      // What bounds the rate with more clients than one: the CPU every run costs, all processes.
      summary.put("all_cpu_per_run_" + clients, fmt(gateway + workers + database + client));
      summary.put("busy_" + clients, fmt(busy));
    }
  }

  /**
   * CPU time (ms) that shares the cores with the runs: the gateway's JIT compiler threads (still
   * compiling after minutes of warm-up on two cores), this benchmark's own client, and the whole
   * machine's busy time (Linux {@code /proc/stat}; 0 where unreadable).
   */
  private record Shares(double gatewayJit, double client, double busy) {

    static Shares now() {
      double jit = 0;
      String pid = System.getenv("GATEWAY_PID");
      if (pid != null) {
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
          for (Path task : (Iterable<Path>) tasks::iterator) {
            try {
              String stat = Files.readString(task.resolve("stat"));
              String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
              if (name.contains("CompilerThre")) {
                jit += statMs(stat, 14, 15); // utime, stime
              }
            } catch (IOException | RuntimeException threadGone) {
              // a thread that ended meanwhile
            }
          }
        } catch (IOException | RuntimeException noProc) {
          jit = 0;
        }
      }
      double busy = 0;
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        for (int i = 1; i <= 8; i++) {
          busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]) * TICK_MS; // not idle, not iowait
        }
      } catch (IOException | RuntimeException noProc) {
        busy = 0;
      }
      double client =
          ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
      return new Shares(jit, client, busy);
    }
  }

  /** New uploads whose first runs {@link #coldStarts} measures: one alone is mostly noise. */
  private static final int COLD_UPLOADS = 5;

  /**
   * {@link #COLD_UPLOADS} first runs of new uploads, one after another, then their median, least
   * and greatest beside {@code settledMedian} (the sequential runs' median, NaN when not measured).
   */
  private static void coldStarts(String key, double settledMedian) throws Exception {
    List<Double> firsts = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < COLD_UPLOADS; i++) {
      FirstRun run = coldStart(key);
      if (run == null) {
        return;
      }
      firsts.add(run.ms());
      ratios.add(run.ms() / run.warmMedian());
      pause();
    }
    Collections.sort(firsts);
    Collections.sort(ratios);
    double median = percentile(firsts, 50);
    System.out.printf(
        "cold first runs of %d new uploads: median %.1f ms (least %.1f, greatest %.1f)%s;"
            + " against the warm runs right after each: median %.1f×%n",
        firsts.size(), median, firsts.get(0), firsts.get(firsts.size() - 1),
        Double.isNaN(settledMedian) ? ""
            : String.format("; %.1f× the settled sequential median (%.2f ms)",
                median / settledMedian, settledMedian),
        percentile(ratios, 50));
    summary.put("cold_first_ms", fmt(median));
  }

  /** Whether this gateway has served an upload's runs yet (see {@link #coldStart}). */
  private static boolean uploadsServed;

  /**
   * BENCH_FMU with a file added (a new SHA-256 each time), uploaded by {@code key}'s account, which
   * has run before: the new FMU's first run, then warm ones; null when there is no upload. A new
   * account's first run costs more for other reasons (its month's credits are granted first);
   * {@link #newAccountFirstRun} shows that.
   */
  private static FirstRun coldStart(String key) throws Exception {
    String fmu = System.getenv("BENCH_FMU");
    if (fmu == null) {
      System.out.println("cold first run: skipped (BENCH_FMU not set)");
      return null;
    }
    byte[] archive = Files.readAllBytes(Path.of(fmu));
    if (!uploadsServed) {
      // What is measured is a new FMU's first run, not a new gateway's first upload: a gateway in
      // service has run uploaded FMUs before (their lookup and the code behind it are warm). So a
      // fresh gateway first serves another upload, another archive, which is not measured.
      String otherId = upload(key, withExtraEntry(archive, "documentation/service.txt"));
      if (otherId != null) {
        for (int i = 0; i < 50; i++) {
          simulate(key, body(otherId, "3.0", ""), "application/json");
        }
      }
      uploadsServed = true;
      pause();
    }
    // A gateway with spare workers has one ready unless the burst above just took it; it is given
    // the time it needs, as a user's upload would find one on a gateway that is not saturated. The
    // upload claims it to prepare the FMU's first run (ADR 0003), which /health counts.
    // Each upload is another archive: the same bytes again would be the account's FMU of before,
    // its worker idle and warm.
    byte[] fresh = withExtraEntry(archive, "documentation/upload.txt");
    double spareWait = awaitSpare();
    long preparedBefore = healthCount("prepared");
    long uploadStarted = System.nanoTime();
    String uploadedId = upload(key, fresh);
    double uploadMs = (System.nanoTime() - uploadStarted) / 1e6;
    if (uploadedId == null) {
      return null;
    }
    boolean prepared = healthCount("prepared") > preparedBefore;
    FirstRun run = firstRun(key, body(uploadedId, "3.0", ""));
    System.out.printf(
        "cold first run of a newly uploaded FMU: %.1f ms; warm median after it %.2f ms (%.1f×)"
            + "%s; the upload itself %.0f ms%n  the first run by phase (gateway's own timers):%s"
            + " ms%n",
        run.ms(), run.warmMedian(), run.ms() / run.warmMedian(),
        Double.isNaN(spareWait) ? " (no spare workers)"
            : String.format(
                " (a spare worker was ready %.0f ms before the upload, which %s it)",
                spareWait, prepared ? "prepared the first run in" : "did not prepare the run in"),
        uploadMs, run.phases());
    return run;
  }

  /** A new account's first run of the built-in FMU, which every account has run warm before. */
  private static void newAccountFirstRun(String body) throws Exception {
    FirstRun run = firstRun(newKey(), body);
    System.out.printf(
        "first run of a new account (a warm FMU; the month's credits are granted first): %.1f ms;"
            + " its warm median after it %.2f ms (%.1f×)%n  the first run by phase:%s ms%n",
        run.ms(), run.warmMedian(), run.ms() / run.warmMedian(), run.phases());
    summary.put("new_account_first_ms", fmt(run.ms()));
  }

  /** A first run: its time, the median of 20 runs after it, and its phases by the gateway's timers. */
  private record FirstRun(double ms, double warmMedian, String phases) {}

  private static FirstRun firstRun(String key, String body) throws Exception {
    String before = timings(key);
    double first = simulate(key, body, "application/json").ms;
    String after = timings(key);
    // A timings request records its own decode and authentication: one more gives their share.
    String again = timings(key);
    List<Double> warm = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      warm.add(simulate(key, body, "application/json").ms);
    }
    Collections.sort(warm);
    StringBuilder phases = new StringBuilder();
    for (String phase : PHASES) {
      double ms =
          2 * phase(after, phase)[1] - phase(before, phase)[1] - phase(again, phase)[1];
      if (ms >= 0.05) {
        phases.append(String.format(" %s %.1f,", phase, ms));
      }
    }
    return new FirstRun(
        first, percentile(warm, 50), phases.substring(0, Math.max(0, phases.length() - 1)));
  }

  /** Uploads {@code archive} as {@code key}'s; its id, or null (said) when the upload failed. */
  private static String upload(String key, byte[] archive) throws Exception {
    String boundary = "bench" + System.nanoTime();
    byte[] head =
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cold.fmu\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] multipart = new byte[head.length + archive.length + tail.length];
    System.arraycopy(head, 0, multipart, 0, head.length);
    System.arraycopy(archive, 0, multipart, head.length, archive.length);
    System.arraycopy(tail, 0, multipart, head.length + archive.length, tail.length);
    HttpResponse<String> uploaded =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/fmus"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"(?:fmu_)?id\"\\s*:\\s*\"([^\"]+)\"").matcher(uploaded.body());
    if (uploaded.statusCode() / 100 != 2 || !id.find()) {
      System.out.println("cold first run: upload answered " + uploaded.statusCode());
      return null;
    }
    return id.group(1);
  }

  /** {@code archive} with one more entry: another SHA-256, so another FMU to the gateway. */
  private static byte[] withExtraEntry(byte[] archive, String name) throws IOException {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
        ZipOutputStream out = new ZipOutputStream(copy)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry(name));
      out.write(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return copy.toByteArray();
  }

  /** A number the workers' part of /health shows, e.g. "prepared"; -1 when it shows none. */
  private static long healthCount(String detail) throws Exception {
    String health =
        HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = Pattern.compile("\"" + detail + "\"\\s*:\\s*\"(\\d+)\"").matcher(health);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * Milliseconds until /health shows a spare simulation worker ready (at most 30 s), or NaN when
   * the gateway keeps none.
   */
  private static double awaitSpare() throws Exception {
    Pattern spare = Pattern.compile("\"spare\"\\s*:\\s*\"(\\d+)\"");
    long start = System.nanoTime();
    while (System.nanoTime() - start < 30_000_000_000L) {
      String health =
          HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = spare.matcher(health);
      if (!m.find()) {
        return Double.NaN;
      }
      if (Integer.parseInt(m.group(1)) > 0) {
        break;
      }
      Thread.sleep(50);
    }
    return (System.nanoTime() - start) / 1e6;
  }

  /**
   * 10^4, 10^5 and 10^6 samples as JSON and as CSV: time to the first byte and to the last, size,
   * the gateway's heap peak, and whether the first byte came before the run's end (the run's own
   * time, from the JSON's provenance, next to the time to first byte).
   */
  private static void largeResults(String key) throws Exception {
    for (String stop : List.of("100", "1000", "9999.99")) {
      double runMs = Double.NaN;
      for (String accept : List.of("application/json", "text/csv")) {
        post(key, "/benchmark/heap-peak", "");
        String heapBefore = timings(key);
        long usedBefore = counter(heapBefore, "used_bytes");
        long liveBefore = counter(heapBefore, "after_gc_bytes");
        Streamed r = stream(key, body("msl:BouncingBall", stop, ""), accept);
        String heapAfter = timings(key);
        long peak = counter(heapAfter, "peak_bytes");
        long livePeak = counter(heapAfter, "after_gc_peak_bytes");
        long collections = counter(heapAfter, "collections");
        Matcher cpu = Pattern.compile("\"cpu_time_ms\":([0-9.Ee+-]+)").matcher(r.tail);
        if (cpu.find()) {
          runMs = Double.parseDouble(cpu.group(1));
        }
        String samples = String.format("%.0f", Double.parseDouble(stop) * 100 + 1);
        // The run began after the request was sent and used at least its CPU time: a first byte
        // sooner than that came before the run ended. CSV has no provenance: the JSON run's.
        String before =
            Double.isNaN(runMs)
                ? "unknown"
                : r.firstByteMs < runMs
                    ? "yes"
                    : "not shown (first byte after the run's CPU time)";
        // The pools' peak counts garbage not yet collected; what each collection left is what
        // the gateway held (none during the response: its heap never filled, so no figure).
        String live =
            collections == 0
                ? "no collection during it"
                : String.format(
                    "+%.0f MB over the %.0f MB before at its highest (%d collections)",
                    (livePeak - liveBefore) / 1e6, liveBefore / 1e6, collections);
        System.out.printf(
            "large result, %7s samples as %-16s: %s, first byte %.0f ms, last %.0f ms, %.1f MB;"
                + " gateway heap: peak +%.0f MB over the %.0f MB in use before, left after each"
                + " collection %s; the run used %.0f ms of worker CPU; first byte before the run"
                + " ended: %s%n",
            samples, accept, r.status == 200 ? "200" : "HTTP " + r.status, r.firstByteMs,
            r.ms, r.bytes / 1e6, (peak - usedBefore) / 1e6, usedBefore / 1e6, live, runMs,
            before);
        String kind = accept.endsWith("json") ? "json" : "csv";
        summary.put("large_" + kind + "_" + samples + "_first_byte_ms", fmt(r.firstByteMs));
        summary.put("large_" + kind + "_" + samples + "_ms", fmt(r.ms));
        summary.put("large_" + kind + "_" + samples + "_heap_mb", fmt((peak - usedBefore) / 1e6));
        if (collections > 0) {
          summary.put(
              "large_" + kind + "_" + samples + "_live_mb", fmt((livePeak - liveBefore) / 1e6));
        }
      }
    }
  }

  private record Streamed(int status, double firstByteMs, double ms, long bytes, String tail) {}

  /** A run read as it arrives: when its first byte came, when its last, and its last 4 KiB. */
  private static Streamed stream(String key, String body, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/simulate"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    HttpResponse<java.io.InputStream> response =
        HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    double firstByte = Double.NaN;
    long bytes = 0;
    byte[] buffer = new byte[1 << 16];
    byte[] tail = new byte[0];
    try (java.io.InputStream in = response.body()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (bytes == 0 && n > 0) {
          firstByte = (System.nanoTime() - start) / 1e6;
        }
        bytes += n;
        byte[] joined = new byte[Math.min(4096, tail.length + n)];
        int fromTail = Math.max(0, joined.length - n);
        System.arraycopy(tail, tail.length - fromTail, joined, 0, fromTail);
        int fromBuffer = joined.length - fromTail;
        System.arraycopy(buffer, n - fromBuffer, joined, fromTail, fromBuffer);
        tail = joined;
      }
    }
    double ms = (System.nanoTime() - start) / 1e6;
    return new Streamed(
        response.statusCode(), firstByte, ms, bytes, new String(tail, StandardCharsets.UTF_8));
  }

  private static void modelExchange(String key) throws Exception {
    String body =
        "{\"fmu_id\":\"lib:VanDerPol\",\"stop_time\":20,\"step\":0.01,\"interface\":\"me\","
            + "\"rtol\":1e-6}";
    simulate(key, body, "application/json");
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      times.add(simulate(key, body, "application/json").ms);
    }
    Collections.sort(times);
    System.out.printf(
        "model exchange, VanDerPol 20 s rtol 1e-6 (dormand_prince): median %.2f ms end to end%n",
        percentile(times, 50));
    summary.put("vanderpol_ms", fmt(percentile(times, 50)));
  }

  /**
   * The same bouncing ball as FMI 2.0 ({@code lib:BouncingBall}) and FMI 3.0 ({@code
   * lib:BouncingBall3}), by co-simulation and by model exchange (Dormand–Prince, rtol 1e-6), 3 s at
   * 0.01: end to end and the engine's own wall and CPU time from each run's provenance.
   */
  private static void fmiVersions(String key) throws Exception {
    System.out.println("FMI 2.0 and FMI 3.0, the same bouncing ball, 3 s at 0.01, 20 runs each:");
    for (String itf : List.of("cs", "me")) {
      for (String fmu : List.of("lib:BouncingBall", "lib:BouncingBall3")) {
        String body =
            "{\"fmu_id\":\"" + fmu + "\",\"stop_time\":3,\"step\":0.01,\"interface\":\""
                + itf + "\"" + (itf.equals("me") ? ",\"solver\":\"dormand_prince\",\"rtol\":1e-6" : "")
                + "}";
        List<Double> endToEnd = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
          HttpRequest request =
              HttpRequest.newBuilder(URI.create(base + "/simulate"))
                  .header("Authorization", "Bearer " + key)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build();
          long start = System.nanoTime();
          HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
          double ms = (System.nanoTime() - start) / 1e6;
          if (response.statusCode() != 200) {
            throw new IllegalStateException(fmu + " answered " + response.statusCode());
          }
          if (i < 5) {
            continue; // warm-up
          }
          Matcher m =
              Pattern.compile("\"provenance\"\\s*:\\s*\\{([^}]*)\\}").matcher(response.body());
          String provenance = m.find() ? m.group(1) : "";
          endToEnd.add(ms);
          wall.add(number(provenance, "wall_time_ms"));
          cpu.add(number(provenance, "cpu_time_ms"));
        }
        Collections.sort(endToEnd);
        Collections.sort(wall);
        Collections.sort(cpu);
        System.out.printf(
            "  %-18s %s: end to end median %.2f ms; engine median %.2f ms wall, %.2f ms cpu%n",
            fmu, itf, percentile(endToEnd, 50), percentile(wall, 50), percentile(cpu, 50));
        summary.put(
            "fmi_" + fmu.substring(4) + "_" + itf + "_ms", fmt(percentile(endToEnd, 50)));
      }
    }
  }

  /**
   * Warm runs while another account keeps its runs at once (two, the free tier's) busy with long
   * ones: VanDerPol by model exchange, BENCH_LONG_STOP s (20,000) at rtol 1e-9, sampled every 10 s,
   * each begun again as soon as it ends. Prints the warm runs' median and p99 against the settled
   * sequential median, the long runs' own time alone and how many ended meanwhile, and the CPU each
   * process used in the measured stretch. What one customer's heavy runs cost another's.
   */
  private static void contention(String key, String body, double settledMedian, int runs)
      throws Exception {
    String longKey = newKey();
    String longStop = System.getenv().getOrDefault("BENCH_LONG_STOP", "20000");
    String longBody =
        "{\"fmu_id\":\"lib:VanDerPol\",\"stop_time\":"
            + longStop
            + ",\"step\":10,\"interface\":\"me\",\"rtol\":1e-9}";
    double alone = simulate(longKey, longBody, "application/json").ms;
    long busyBefore = healthCount("busy");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger ended = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> loops = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      loops.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  Result r = simulate(longKey, longBody, "application/json", false);
                  (r.status() == 200 ? ended : failed).incrementAndGet();
                }
                return null;
              }));
    }
    try {
      // Both long runs in workers before the first measured run; polled, 30 s at most.
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (healthCount("busy") < busyBefore + 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      boolean bothBusy = healthCount("busy") >= busyBefore + 2;
      for (int i = 0; i < 20; i++) {
        simulate(key, body, "application/json");
      }
      int endedBefore = ended.get();
      Cpu before = Cpu.now();
      List<Double> latencies = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        latencies.add(simulate(key, body, "application/json").ms);
      }
      Cpu after = Cpu.now();
      int endedDuring = ended.get() - endedBefore;
      Collections.sort(latencies);
      double median = percentile(latencies, 50);
      double seconds = (after.nanos() - before.nanos()) / 1e9;
      System.out.printf(
          "contention: %d warm runs while another account's 2 long runs (VanDerPol by model"
              + " exchange, %s s at rtol 1e-9; %.0f ms alone) kept %s: median %.2f ms, p99"
              + " %.2f ms%s; %d long runs ended meanwhile, %d failed in all%n"
              + "  CPU in those %.1f s, in cores: gateway %.2f, workers %.2f, database %.2f%n",
          runs,
          longStop,
          alone,
          bothBusy ? "two workers busy" : "fewer than two workers busy (not both started in 30 s)",
          median,
          percentile(latencies, 99),
          Double.isNaN(settledMedian)
              ? ""
              : String.format(" (%.1f× the settled sequential median)", median / settledMedian),
          endedDuring,
          failed.get(),
          seconds,
          (after.gateway() - before.gateway()) / 1e3 / seconds,
          after.workers().since(before.workers()) / 1e3 / seconds,
          after.database().since(before.database()) / 1e3 / seconds);
      summary.put("contention_median_ms", fmt(median));
    } finally {
      stop.set(true);
      pool.shutdown();
      for (Future<?> loop : loops) {
        loop.get(); // the long runs in flight end on their own
      }
    }
  }

  /**
   * The model exchange master on VanDerPol (FMI 2.0, 20 s, rtol 1e-6): end to end, the engine's own
   * time from the run's provenance (wall: the simulator call; cpu: the engine thread), steps and
   * derivative evaluations; scripts/benchmark-me.sh sets the raw evaluation cost beside them.
   */
  private static void modelExchangeOverhead(int runs) throws Exception {
    String key = newKey();
    String body =
        "{\"fmu_id\":\"lib:VanDerPol\",\"stop_time\":20,\"step\":0.01,\"interface\":\"me\","
            + "\"solver\":\"dormand_prince\",\"rtol\":1e-6}";
    // Warmed up for BENCH_ME_WARM_UP_S (10 s): a few runs left the master's code to the interpreter.
    String warmUpSeconds = System.getenv().getOrDefault("BENCH_ME_WARM_UP_S", "10");
    long warmUntil = System.nanoTime() + Duration.ofSeconds(Long.parseLong(warmUpSeconds)).toNanos();
    int warmRuns = 0;
    while (warmRuns < 10 || System.nanoTime() < warmUntil) {
      simulate(key, body, "application/json");
      warmRuns++;
    }
    List<Double> endToEnd = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    String provenance = "";
    for (int i = 0; i < runs; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/simulate"))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      long start = System.nanoTime();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      endToEnd.add((System.nanoTime() - start) / 1e6);
      if (response.statusCode() != 200) {
        throw new IllegalStateException("simulate answered " + response.statusCode());
      }
      Matcher m = Pattern.compile("\"provenance\"\\s*:\\s*\\{([^}]*)\\}").matcher(response.body());
      provenance = m.find() ? m.group(1) : "";
      wall.add(number(provenance, "wall_time_ms"));
      cpu.add(number(provenance, "cpu_time_ms"));
    }
    Collections.sort(endToEnd);
    Collections.sort(wall);
    Collections.sort(cpu);
    long steps = counter(provenance, "steps");
    long evaluations = counter(provenance, "derivative_evaluations");
    System.out.printf(
        "model exchange, VanDerPol (FMI 2.0) 20 s rtol 1e-6 (dormand_prince), %d runs after %d"
            + " warm-up runs:%n"
            + "  end to end median %.2f ms; engine median %.2f ms wall, %.2f ms cpu;"
            + " %d steps, %s derivative evaluations%n",
        runs, warmRuns, percentile(endToEnd, 50), percentile(wall, 50), percentile(cpu, 50), steps,
        evaluations == 0 ? "(not reported)" : Long.toString(evaluations));
    summary.put("me_end_to_end_ms", fmt(percentile(endToEnd, 50)));
    summary.put("me_engine_wall_ms", fmt(percentile(wall, 50)));
    summary.put("me_engine_cpu_ms", fmt(percentile(cpu, 50)));
    summary.put("me_steps", Long.toString(steps));
    summary.put("me_evaluations", Long.toString(evaluations));
    String file = System.getenv("SUMMARY");
    if (file != null) {
      StringBuilder lines = new StringBuilder();
      summary.forEach((k, v) -> lines.append(k).append(' ').append(v).append('\n'));
      Files.writeString(
          Path.of(file), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  private record Result(double ms, int status, long bytes, String problem) {}

  private static Result simulate(String key, String body, String accept) throws Exception {
    return simulate(key, body, accept, true);
  }

  private static Result simulate(String key, String body, String accept, boolean strict)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/simulate"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long start = System.nanoTime();
    HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    double ms = (System.nanoTime() - start) / 1e6;
    if (strict && response.statusCode() != 200) {
      throw new IllegalStateException(
          "simulate answered " + response.statusCode() + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    String problem =
        response.statusCode() == 200
            ? ""
            : response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
    return new Result(ms, response.statusCode(), response.body().length, problem);
  }

  private static String timings(String key) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/benchmark/timings"))
                .header("Authorization", "Bearer " + key)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET /benchmark/timings answered " + response.statusCode()
              + " (start the gateway with --fmugw.benchmark.timings=true)");
    }
    return response.body();
  }

  private static void post(String key, String path, String body) throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static String newKey() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/keys"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException("no key in " + response.body());
    }
    return m.group(1);
  }

  private static String body(String fmu, String stop, String extra) {
    return String.format(BODY, fmu, stop, extra.isEmpty() ? "" : "," + extra);
  }

  /** count and total_ms of one phase timer in a timings document. */
  private static double[] phase(String json, String phase) {
    Matcher m = Pattern.compile("\"" + phase + "\"\\s*:\\s*\\{([^}]*)\\}").matcher(json);
    if (!m.find()) {
      return new double[] {0, 0};
    }
    return new double[] {number(m.group(1), "count"), number(m.group(1), "total_ms")};
  }

  private static long counter(String json, String name) {
    return (long) number(json, name);
  }

  private static double number(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*([-0-9.eE+]+)").matcher(json);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /**
   * CPU time used so far (ms) by a tree of processes that come and go: each live one's, by pid, and
   * what its root has reaped (its children's CPU time in {@code /proc/PID/stat}, which holds that
   * of the processes they reaped in turn). Its growth since an earlier reading counts a process
   * started since whole, and one that exited since from that reading on: a sum over the live
   * processes at each end would go negative whenever one exits (a worker retired, a database
   * backend or autovacuum worker ended), and leaving exited ones out understated the workers.
   */
  private record Processes(Map<Long, Double> ms, double reaped) {

    static Processes of(Optional<ProcessHandle> root, Stream<ProcessHandle> processes) {
      Map<Long, Double> ms = new HashMap<>();
      processes.forEach(p -> ms.put(p.pid(), Cpu.ms(p)));
      return new Processes(ms, root.map(Processes::reapedMs).orElse(0.0));
    }

    /**
     * What the processes used between {@code before} and this reading: the live ones' growth, and
     * those that exited meanwhile, whose whole lifetime reached the root when it reaped them, less
     * what they had used by {@code before}.
     */
    double since(Processes before) {
      double live = 0;
      for (Map.Entry<Long, Double> process : ms.entrySet()) {
        live += Math.max(0, process.getValue() - before.ms.getOrDefault(process.getKey(), 0.0));
      }
      double exited = reaped - before.reaped;
      for (Map.Entry<Long, Double> process : before.ms.entrySet()) {
        if (!ms.containsKey(process.getKey())) {
          exited -= process.getValue();
        }
      }
      // A process whose parent has not been reaped yet counts from a later reading on.
      return live + Math.max(0, exited);
    }

    /** How many processes alive at {@code before} had exited by this reading. */
    long gone(Processes before) {
      return before.ms.keySet().stream().filter(pid -> !ms.containsKey(pid)).count();
    }

    /** The root's children's user and system time ({@code cutime}, {@code cstime}), in ms. */
    private static double reapedMs(ProcessHandle root) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(root.pid()), "stat"));
        return statMs(stat, 16, 17); // cutime, cstime
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  /**
   * CPU time used so far (ms) by the gateway's JVM, by its descendants (the worker processes) and by
   * the database server (its postmaster and backends), with when it was read; the gateway's is -1
   * where unknown. From GATEWAY_PID and DATABASE_PID_FILE (the embedded server's postmaster.pid),
   * set by benchmark.sh.
   */
  private record Cpu(double gateway, Processes workers, Processes database, long nanos) {

    static Cpu now() {
      Optional<ProcessHandle> gateway =
          Optional.ofNullable(System.getenv("GATEWAY_PID")).flatMap(
              pid -> ProcessHandle.of(Long.parseLong(pid)));
      Optional<ProcessHandle> database = Optional.empty();
      String pidFile = System.getenv("DATABASE_PID_FILE");
      if (pidFile != null) {
        try {
          database = ProcessHandle.of(
              Long.parseLong(Files.readAllLines(Path.of(pidFile)).get(0).trim()));
        } catch (Exception e) {
          database = Optional.empty();
        }
      }
      return new Cpu(
          gateway.map(Cpu::ms).orElse(-1.0),
          Processes.of(gateway, gateway.stream().flatMap(ProcessHandle::descendants)),
          Processes.of(
              database,
              database.stream().flatMap(h -> Stream.concat(Stream.of(h), h.descendants()))),
          System.nanoTime());
    }

    static double ms(ProcessHandle process) {
      return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
    }
  }

  /**
   * CPU per run by process, less what each used idle (measured over the pause after the runs), and
   * the rate two cores could serve at that cost: what bounds throughput once runs overlap.
   */
  private static void cpuPerRun(Cpu before, Cpu after, Cpu idle, int runs) {
    if (before.gateway() < 0) {
      return;
    }
    double busySeconds = (after.nanos() - before.nanos()) / 1e9;
    double idleSeconds = (idle.nanos() - after.nanos()) / 1e9;
    double[] used = {
      after.gateway() - before.gateway(),
      after.workers().since(before.workers()),
      after.database().since(before.database())
    };
    double[] background = {
      (idle.gateway() - after.gateway()) / idleSeconds * busySeconds,
      idle.workers().since(after.workers()) / idleSeconds * busySeconds,
      idle.database().since(after.database()) / idleSeconds * busySeconds
    };
    double total = 0;
    String[] names = {"gateway", "workers", "database"};
    StringBuilder line = new StringBuilder("  CPU per run (less idle activity):");
    for (int i = 0; i < 3; i++) {
      double perRun = Math.max(0, used[i] - Math.max(0, background[i])) / runs;
      total += perRun;
      line.append(String.format(" %s %.2f ms,", names[i], perRun));
      summary.put("cpu_per_run_" + names[i], fmt(perRun));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        "%s total %.2f ms: %d cores could serve at most %.0f runs/s (the benchmark's own client"
            + " not counted)%n",
        line, total, cores, cores * 1000 / total);
  }

  /** Longer than PostgreSQL's idle interval for publishing a session's statistics (10 s). */
  private static void pause() throws InterruptedException {
    Thread.sleep(11_000);
  }

  /**
   * The sum of two clock-tick fields of a {@code /proc/PID/stat} line, numbered as proc(5) numbers
   * them (1 is the pid), in ms. The command's name may hold spaces: fields are counted from after
   * its closing parenthesis, where the third begins.
   */
  private static double statMs(String stat, int field, int other) {
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return (Long.parseLong(after[field - 3]) + Long.parseLong(after[other - 3])) * TICK_MS;
  }

  private static String fmt(double value) {
    return String.format(java.util.Locale.ROOT, "%.3f", value);
  }

  private static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
