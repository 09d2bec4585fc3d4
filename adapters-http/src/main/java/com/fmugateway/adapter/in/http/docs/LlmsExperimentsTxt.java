package com.fmugateway.adapter.in.http.docs;

/**
 * The experiments section of {@code /llms-full.txt}: parameter sweeps, every {@code /experiments}
 * operation with a request and a response.
 */
final class LlmsExperimentsTxt {

  private LlmsExperimentsTxt() {}

  static String section() {
    return "## Experiments (parameter sweeps)\n\n"
        + "One model run many times, each case with its own start values, as queued jobs on the"
        + " worker nodes. Every case's quote is held from credits up front; each case is charged"
        + " once, when it completes; a failed case costs nothing.\n\n"
        + "- `POST /experiments` — the `/simulate` fields plus `sweep` (and optional"
        + " `callback_url`, told with a POST when it ends): `{\"fmu_id\":\"msl:BouncingBall\","
        + "\"stop_time\":3,\"step\":0.01,\"kpis\":[\"h_max\"],\"sweep\":{\"method\":"
        + "\"latin_hypercube\",\"samples\":20,\"seed\":42,\"parameters\":{\"e\":{\"uniform\":"
        + "{\"min\":0.5,\"max\":0.9}},\"g\":{\"normal\":{\"mean\":9.81,\"std\":0.1}}}}}` → 202"
        + " with `Location`: `{\"experiment_id\":\"…\",\"status\":\"queued\",\"fmu_id\":"
        + "\"lib:BouncingBall\",\"method\":\"latin_hypercube\",\"cases\":{\"total\":20,"
        + "\"queued\":20,\"running\":0,\"succeeded\":0,\"failed\":0,\"cancelled\":0},\"quote\":"
        + "{\"credits\":200,\"per_case\":10},\"cost\":{\"held\":200,\"charged\":0},\"links\":"
        + "{\"self\":\"/experiments/…\",\"cases\":\"/experiments/…/cases\"}}`. Methods:"
        + " `full_factorial` (every combination of `{\"values\":[…]}` or `{\"range\":{\"start\":"
        + "0.5,\"stop\":0.9,\"num\":5}}`), `latin_hypercube` and `sobol` (`samples` cases over"
        + " `uniform`/`normal`/values/ranges; the same `seed`, the same cases), `cases`"
        + " (`\"cases\":[{\"start_values\":{\"e\":0.7}},…]`). `quote_only: true` → 200 with the"
        + " quote, nothing held. Credits short → 402 with a checkout for a credit pack covering"
        + " the difference (pay, poll `GET /payments/checkout/{session_id}` until 200, send the"
        + " same request again); with x402, the 402's `PAYMENT-REQUIRED` asks for all its runs"
        + " and a `PAYMENT-SIGNATURE` on the same request buys their credits once. A payment"
        + " token pays one run, not an experiment (400). Too many cases for the tier: 400 naming `sweep`; too many"
        + " experiments at once: 429 `\"limit\":\"experiments_running\"`. `POST /simulate` with"
        + " `\"async\":true` queues a one-case experiment (202). A scheduled execution"
        + " experiment (`\"interface\":\"se\"`) takes `clock_ticks` as `/simulate` does: every"
        + " case fires the same ticks (checked before anything is held: 400 naming"
        + " `clock_ticks.<clock>`), and each case's result has its `clock_events`; the case"
        + " tables (JSON list, CSV, Parquet) hold parameters and KPIs only, not clock events.\n"
        + "- `GET /experiments?page=1&size=20` → yours, newest first: `{\"items\":[…],\"page\":1,"
        + "\"size\":20,\"total\":3,\"has_more\":false}`\n"
        + "- `GET /experiments/{id}` → the experiment as above, with `status` queued, running,"
        + " succeeded, partially_failed, failed or cancelled, `started_at`, `finished_at`. Another"
        + " account's id is 404, like an unknown one.\n"
        + "- `GET /experiments/{id}/cases?offset=0&limit=1000` → `{\"items\":[{\"index\":0,"
        + "\"parameters\":{\"e\":0.71,\"g\":9.83},\"status\":\"succeeded\",\"kpis\":{\"h_max\":"
        + "1.0},\"node\":\"…\",\"failure\":null,\"cost\":10,\"result\":\"/experiments/…/cases/0\"}],"
        + "\"offset\":0,\"limit\":1000,\"total\":20}`; with `Accept: text/csv`: one row per case,"
        + " `index,status,<parameters…>,<kpis…>,node,failure,cost`.\n"
        + "- `GET /experiments/{id}/cases/{index}` → a succeeded case's full result as `POST"
        + " /simulate` answers it (CSV with `Accept: text/csv`); 404 while it has none.\n"
        + "- `DELETE /experiments/{id}` → cancel: queued cases never start, running ones stop,"
        + " unrun credits are released; completed cases stay charged.\n\n";
  }
}
