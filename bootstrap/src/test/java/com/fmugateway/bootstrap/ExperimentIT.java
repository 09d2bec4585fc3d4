package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fmugateway.domain.account.model.AccountId;
import com.fmugateway.domain.billing.model.EntryKind;
import com.fmugateway.domain.billing.model.LedgerKey;
import com.fmugateway.domain.billing.port.out.CreditLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Experiments end to end: real PostgreSQL, db-scheduler, the FMI workers and BouncingBall. A sweep
 * runs every case and charges exactly the cases that ran; cancel releases the rest; another account
 * sees nothing; a short balance is a 402 that holds nothing. The cases read back as CSV and
 * Parquet.
 */
class ExperimentIT extends AbstractGatewayIT {

  private static final int PRICE = 10;

  @Autowired CreditLedger ledger;
  @TempDir Path dir;

  private static String sweep(int samples) {
    return "{\"fmu_id\": \"lib:BouncingBall\", \"stop_time\": 1, \"step\": 0.01,"
        + " \"kpis\": [\"h_max\", \"h_final\"],"
        + " \"sweep\": {\"method\": \"latin_hypercube\", \"samples\": "
        + samples
        + ", \"seed\": 42, \"parameters\": {\"e\": {\"uniform\": {\"min\": 0.5, \"max\": 0.9}},"
        + " \"g\": {\"normal\": {\"mean\": 9.81, \"std\": 0.1}}}}}";
  }

  @Test
  void aSweepOfTwentyCases_completes_andChargesExactlyTwentyRuns() throws Exception {
    Customer customer = customer(300);
    long before = customer.balance();

    Map<?, ?> accepted = customer.start(sweep(20));
    String id = (String) accepted.get("experiment_id");
    assertThat(((Map<?, ?>) accepted.get("quote")).get("credits")).isEqualTo(20 * PRICE);
    Map<?, ?> done = customer.awaitEnd(id);

    assertThat(done.get("status")).isEqualTo("succeeded");
    assertThat(((Map<?, ?>) done.get("cases")).get("succeeded")).isEqualTo(20);
    assertThat(((Map<?, ?>) done.get("cost")).get("charged")).isEqualTo(20 * PRICE);
    assertThat(((Map<?, ?>) done.get("cost")).get("held")).isEqualTo(0);
    assertThat(done.get("finished_at")).isNotNull();
    assertThat(customer.balance()).isEqualTo(before - 20 * PRICE);

    Map<?, ?> cases = customer.get("/experiments/" + id + "/cases?limit=100");
    List<?> items = (List<?>) cases.get("items");
    assertThat(items).hasSize(20);
    Map<?, ?> first = (Map<?, ?>) items.get(0);
    assertThat(first.get("node")).isNotNull();
    assertThat(((Map<?, ?>) first.get("kpis")).get("h_max")).isNotNull();
    assertThat(first.get("cost")).isEqualTo(PRICE);
    String csv =
        customer
            .client
            .get()
            .uri("/experiments/" + id + "/cases")
            .accept(MediaType.parseMediaType("text/csv"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(csv).startsWith("index,status,e,g,h_max,h_final,node,failure,cost");
    assertThat(csv.split("\r\n")).hasSize(21);
    byte[] parquet =
        customer
            .client
            .get()
            .uri("/experiments/" + id + "/cases")
            .accept(MediaType.parseMediaType("application/vnd.apache.parquet"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cases.parquet\"")
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    List<Map<String, Object>> rows = readParquet(parquet);
    assertThat(rows).hasSize(20);
    assertThat(rows.get(0).keySet())
        .containsExactly(
            "index", "status", "e", "g", "h_max", "h_final", "node", "failure", "cost");
    assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("status", "succeeded"));
    assertThat(rows).allSatisfy(row -> assertThat(row.get("h_max")).isInstanceOf(Double.class));
    assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("cost", (long) PRICE));
    assertThat(rows.get(0))
        .containsEntry("index", 0)
        .containsEntry("e", ((Number) ((Map<?, ?>) first.get("parameters")).get("e")).doubleValue())
        .containsEntry("node", first.get("node"));
    Map<?, ?> result = customer.get("/experiments/" + id + "/cases/7");
    assertThat(result.get("status")).isEqualTo("ok");
    assertThat((List<?>) ((Map<?, ?>) result.get("results")).get("h")).hasSize(101);
  }

  @Test
  void cancel_releasesEveryCaseNotRun_andChargesOnlyTheOnesThatCompleted() {
    Customer customer = customer(1000);
    long before = customer.balance();
    String id = (String) customer.start(sweep(60)).get("experiment_id");

    Map<?, ?> cancelled =
        customer
            .client
            .delete()
            .uri("/experiments/" + id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    Map<?, ?> ended = customer.awaitNoneRunning(id);

    Map<?, ?> counts = (Map<?, ?>) ended.get("cases");
    int succeeded = (Integer) counts.get("succeeded");
    assertThat(succeeded + (Integer) counts.get("cancelled")).isEqualTo(60);
    assertThat(ended.get("status")).isEqualTo(succeeded == 60 ? "succeeded" : "cancelled");
    assertThat(((Map<?, ?>) cancelled.get("cost")).get("held")).isEqualTo(0);
    assertThat(((Map<?, ?>) ended.get("cost")).get("charged")).isEqualTo(succeeded * PRICE);
    assertThat(customer.balance()).isEqualTo(before - (long) succeeded * PRICE);
  }

  @Test
  void anotherAccountsExperiment_isNotFound() {
    Customer owner = customer(100);
    String id = (String) owner.start(sweep(2)).get("experiment_id");
    WebTestClient other = newCustomer();

    other.get().uri("/experiments/" + id).exchange().expectStatus().isNotFound();
    other.get().uri("/experiments/" + id + "/cases").exchange().expectStatus().isNotFound();
    other.get().uri("/experiments/" + id + "/cases/0").exchange().expectStatus().isNotFound();
    other.delete().uri("/experiments/" + id).exchange().expectStatus().isNotFound();
    owner.awaitEnd(id);
  }

  @Test
  void shortOfCredits_is402WithACheckout_andHoldsNothing() {
    Customer customer = customer(0);
    long before = customer.balance();

    customer
        .client
        .post()
        .uri("/experiments")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(sweep(20))
        .exchange()
        .expectStatus()
        .isEqualTo(402)
        .expectBody()
        .jsonPath("$.quote_credits")
        .isEqualTo(20 * PRICE)
        .jsonPath("$.balance_credits")
        .isEqualTo(before)
        .jsonPath("$.checkout_url")
        .exists();
    assertThat(customer.balance()).isEqualTo(before);
  }

  @Test
  void simulateAsync_queuesOneCase_whoseResultIsTheRun() {
    Customer customer = customer(0);
    String location =
        customer
            .client
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"fmu_id\": \"lib:BouncingBall\", \"stop_time\": 1, \"step\": 0.1, \"async\": true}")
            .exchange()
            .expectStatus()
            .isAccepted()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.LOCATION);

    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(customer.awaitEnd(id).get("status")).isEqualTo("succeeded");
    assertThat(customer.get(location + "/cases/0").get("status")).isEqualTo("ok");
  }

  /** Clocks3 by scheduled execution, its trigger fired at the caller's times; then a sweep. */
  private static final String CLOCKS =
      """
      {"fmu_id": "lib:Clocks3", "interface": "se", "stop_time": 5,
       "clock_ticks": {"trigger": [0.3, 1.0, 2.25]}, "kpis": ["sum_final"]%s}
      """;

  @Test
  void aScheduledExecutionSweep_firesTheTicksInEveryCase_andEachResultHasItsClockEvents() {
    Customer customer = customer(100);
    Map<?, ?> accepted =
        customer.start(
            CLOCKS.formatted(
                ", \"sweep\": {\"method\": \"full_factorial\", \"parameters\":"
                    + " {\"increment\": {\"values\": [1, 2, 5]}}}"));
    String id = (String) accepted.get("experiment_id");

    assertThat(customer.awaitEnd(id).get("status")).isEqualTo("succeeded");
    List<?> cases = (List<?>) customer.get("/experiments/" + id + "/cases").get("items");
    assertThat(cases).hasSize(3);
    for (Object item : cases) {
      Map<?, ?> c = (Map<?, ?>) item;
      int increment = ((Number) ((Map<?, ?>) c.get("parameters")).get("increment")).intValue();
      Map<?, ?> result = customer.get("/experiments/" + id + "/cases/" + c.get("index"));
      // model.c: a tick every 0.5 s (11 to 5 s), outClock on every 2nd, the countdown 0.2 s
      // after every 3rd; each of the three triggers adds the case's increment to sum.
      Map<?, ?> results = (Map<?, ?>) result.get("results");
      assertThat(last(results, "triggers")).isEqualTo(3);
      assertThat(last(results, "sum")).isEqualTo(3 * increment);
      assertThat(last(results, "ticks")).isEqualTo(11);
      assertThat(last(results, "countdowns")).isEqualTo(3);
      assertThat(((Number) ((Map<?, ?>) c.get("kpis")).get("sum_final")).intValue())
          .isEqualTo(3 * increment);
      assertThat(result.get("clock_events"))
          .isEqualTo(Map.of("outClock", List.of(0.5, 1.5, 2.5, 3.5, 4.5)));
    }
    assertThat(customer.get("/experiments/" + id))
        .extracting(e -> ((Map<?, ?>) e).get("fmu_id"))
        .isEqualTo("lib:Clocks3");
  }

  @Test
  void aScheduledExecutionRunAsync_keepsItsTicks_andItsResultHasTheClockEvents() {
    Customer customer = customer(0);
    String location =
        customer
            .client
            .post()
            .uri("/simulate")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(CLOCKS.formatted(", \"start_values\": {\"increment\": 3}, \"async\": true"))
            .exchange()
            .expectStatus()
            .isAccepted()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.LOCATION);

    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(customer.awaitEnd(id).get("status")).isEqualTo("succeeded");
    Map<?, ?> result = customer.get(location + "/cases/0");
    Map<?, ?> results = (Map<?, ?>) result.get("results");
    assertThat((List<?>) results.get("time")).hasSize(16);
    assertThat(last(results, "sum")).isEqualTo(9);
    assertThat(last(results, "outTicks")).isEqualTo(5);
    assertThat(result.get("clock_events"))
        .isEqualTo(Map.of("outClock", List.of(0.5, 1.5, 2.5, 3.5, 4.5)));
  }

  @Test
  void aClockTickForNoTriggeredClock_isA400NamingIt_forExperimentsAndAsyncRunsAlike() {
    Customer customer = customer(100);
    String bad =
        """
        {"fmu_id": "lib:Clocks3", "interface": "se", "stop_time": 5,
         "clock_ticks": {"tick": [1.0]}, %s}
        """;
    for (String[] call :
        List.of(
            new String[] {
              "/experiments",
              bad.formatted(
                  "\"sweep\": {\"method\": \"cases\", \"cases\": [{\"start_values\": {}}]}")
            },
            new String[] {"/simulate", bad.formatted("\"async\": true")})) {
      customer
          .client
          .post()
          .uri(call[0])
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(call[1])
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.field")
          .isEqualTo("clock_ticks.tick")
          .jsonPath("$.detail")
          .value(detail -> assertThat((String) detail).contains("not a triggered input clock"));
    }
    assertThat(customer.get("/experiments").get("total")).isEqualTo(0);
  }

  private static Object last(Map<?, ?> results, String name) {
    List<?> values = (List<?>) results.get(name);
    return values.get(values.size() - 1);
  }

  /** A new account with {@code extra} credits bought on top of its monthly grant. */
  private Customer customer(long extra) {
    Map<String, String> issued = TestKeys.issue(client);
    WebTestClient authed =
        client
            .mutate()
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + issued.get("key"))
            .build();
    AccountId account = new AccountId(UUID.fromString(issued.get("account_id")));
    if (extra > 0) {
      ledger
          .credit(account, EntryKind.PURCHASE, extra, LedgerKey.purchase("it-" + account), "it")
          .block();
    }
    return new Customer(authed);
  }

  private record Customer(WebTestClient client) {

    Map<?, ?> get(String path) {
      return client
          .get()
          .uri(path)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(Map.class)
          .returnResult()
          .getResponseBody();
    }

    long balance() {
      return ((Number) get("/account").get("credits")).longValue();
    }

    Map<?, ?> start(String body) {
      return client
          .post()
          .uri("/experiments")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body)
          .exchange()
          .expectStatus()
          .isAccepted()
          .expectBody(Map.class)
          .returnResult()
          .getResponseBody();
    }

    /** Polls until the experiment has ended (the job engine works in the background). */
    Map<?, ?> awaitEnd(String id) {
      return await(id, e -> e.get("finished_at") != null);
    }

    /** Polls until no case of the experiment is queued or running. */
    Map<?, ?> awaitNoneRunning(String id) {
      return await(
          id,
          e ->
              ((Integer) ((Map<?, ?>) e.get("cases")).get("running")) == 0
                  && ((Integer) ((Map<?, ?>) e.get("cases")).get("queued")) == 0
                  && e.get("finished_at") != null);
    }

    private Map<?, ?> await(String id, java.util.function.Predicate<Map<?, ?>> done) {
      Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
      while (true) {
        Map<?, ?> experiment = get("/experiments/" + id);
        if (done.test(experiment) || Instant.now().isAfter(giveUp)) {
          return experiment;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** The rows of a Parquet file as DuckDB, an independent reader, reads them. */
  private List<Map<String, Object>> readParquet(byte[] bytes) throws Exception {
    Path file = Files.write(dir.resolve("cases.parquet"), bytes);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT * FROM read_parquet('" + file + "') ORDER BY \"index\"")) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
