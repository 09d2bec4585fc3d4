package com.fmugateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fair shares end to end: with one case at a time per free account, account A's sweep runs one case
 * at a time, and account B's experiment, started while A's runs, is done before A's is: from the
 * start and end times each case records, not from timing.
 */
class CaseSharesIT extends AbstractExperimentWorkerIT {

  @Test
  void aLargeSweep_runsWithinItsShare_andAnotherAccountsExperimentProgressesBesideIt() {
    Customer a = customer();
    Customer b = customer();
    String large = a.start(sweep(9, null)); // 90 of the 100 free credits
    await(
        "A's first case to start",
        () ->
            !Integer.valueOf(9)
                .equals(((Map<?, ?>) a.get("/experiments/" + large).get("cases")).get("queued")));
    String small = b.start(sweep(3, null));
    b.awaitEnd(small);
    a.awaitEnd(large);

    List<Map<?, ?>> aCases = cases(a, large);
    List<Map<?, ?>> bCases = cases(b, small);
    assertThat(aCases).allMatch(c -> "succeeded".equals(c.get("status")));
    assertThat(bCases).allMatch(c -> "succeeded".equals(c.get("status")));
    // A's share is one: each of its cases started after the one before it ended.
    for (int i = 1; i < aCases.size(); i++) {
      assertThat(at(aCases.get(i), "started_at"))
          .isAfterOrEqualTo(at(aCases.get(i - 1), "finished_at"));
    }
    // B did not wait for A's sweep: B (one case at a time too) started while A's sweep still had
    // cases to run; in a plain queue it would have waited behind all nine.
    Instant lastAEnd = at(aCases.get(aCases.size() - 1), "finished_at");
    assertThat(at(bCases.get(0), "started_at")).isBefore(lastAEnd);
    // This node's metrics count them (cases it ended since it started, read from the database).
    String succeeded =
        metrics()
            .lines()
            .filter(l -> l.startsWith("fmugw_experiment_cases_ended_total{"))
            .filter(l -> l.contains("outcome=\"succeeded\""))
            .findFirst()
            .orElseThrow();
    assertThat(Long.parseLong(succeeded.substring(succeeded.lastIndexOf(' ') + 1)))
        .isGreaterThanOrEqualTo(12);
  }

  /** The experiment's cases in the order they started. */
  private static List<Map<?, ?>> cases(Customer customer, String id) {
    List<?> items = (List<?>) customer.get("/experiments/" + id + "/cases?limit=100").get("items");
    return items.stream()
        .<Map<?, ?>>map(item -> (Map<?, ?>) item)
        .sorted(Comparator.comparing(c -> at(c, "started_at")))
        .toList();
  }

  private static Instant at(Map<?, ?> c, String field) {
    return Instant.parse((String) c.get(field));
  }
}
