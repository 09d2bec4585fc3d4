package com.fmugateway.adapter.in.http.docs;

import com.fmugateway.domain.billing.model.Pricing;
import com.fmugateway.domain.checkout.model.CreditPack;
import com.fmugateway.domain.checkout.model.PaymentMethod;
import java.util.stream.Collectors;

/**
 * {@code /llms-full.txt}: everything an agent needs in one document, from the running
 * configuration: every endpoint with a request and a response, the ways to pay, and the MCP server
 * with its tools. The tools are named here as adapters-mcp serves them; a gateway test checks that
 * every tool it lists is described.
 */
final class LlmsFullTxt {

  private LlmsFullTxt() {}

  static String text(String base, Pricing prices) {
    return "# FMU Gateway — the complete guide for agents\n\n"
        + "> Run FMI simulations (FMUs) over HTTP or MCP and pay per run. This is the long form of"
        + " ["
        + "llms.txt]("
        + base
        + "/llms.txt): every endpoint with an example, every way to pay, and the MCP tools.\n\n"
        + prices(prices)
        + conventions(base)
        + keysAndAccount()
        + models()
        + simulate()
        + LlmsExperimentsTxt.section()
        + payments(prices)
        + LlmsX402Txt.section(base, prices)
        + operations()
        + mcp(base, prices);
  }

  private static String prices(Pricing prices) {
    String methods =
        prices.methods().stream().map(PaymentMethod::code).collect(Collectors.joining(", "));
    String packs =
        prices.packs().stream()
            .map(
                p ->
                    "- pack `"
                        + p.id()
                        + "`: "
                        + p.runs()
                        + " runs' worth ("
                        + p.credits()
                        + " credits) for "
                        + display(p)
                        + "\n")
            .collect(Collectors.joining());
    return "## Prices in force\n\n"
        + "- A run costs "
        + prices.credits().baseCredits()
        + " credits"
        + (prices.credits().creditsPerCpuSecond() > 0
            ? " plus " + prices.credits().creditsPerCpuSecond() + " per started CPU second"
            : "")
        + ".\n"
        + "- A new account gets "
        + prices.freeTier().monthlyCredits()
        + " free credits each calendar month and may start "
        + prices.freeTier().runsPerMinute()
        + " runs a minute.\n"
        + "- One run paid with money: "
        + prices.runPrice().display()
        + ".\n"
        + packs
        + "- Payment methods: "
        + (methods.isEmpty() ? "none configured (credits only)" : methods)
        + ".\n\n";
  }

  private static String conventions(String base) {
    return "## Conventions\n\n"
        + "- Base URL: "
        + base
        + ". JSON bodies and fields are snake_case; send `Content-Type: application/json`.\n"
        + "- Authentication: `Authorization: Bearer <key>` on every route but key issuance,"
        + " sign-up, log-in, health, docs and webhooks. A missing or wrong key is 401"
        + " problem+json.\n"
        + "- Errors are RFC 9457 `application/problem+json`: `{\"type\":\"about:blank\","
        + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"stop_time: must be a"
        + " number\",\"field\":\"stop_time\",\"errors\":[…]}`. An unknown field is refused"
        + " with 400 naming it. 404 also means \"another account's\". 429 and 503 carry"
        + " `Retry-After`.\n\n";
  }

  private static String keysAndAccount() {
    return "## Keys and account\n\n"
        + "- `POST /keys` (no auth): a new account and its first key, shown once. → 201"
        + " `{\"key\":\"fmugw_…\",\"key_id\":\"…\",\"account_id\":\"…\",\"prefix\":\"fmugw_AbCdEf\"}`\n"
        + "- `POST /signup` `{\"email\":\"a@example.com\",\"password\":\"…12+ chars, a letter and"
        + " a digit…\"}` → 201 with a key as above; `POST /login` (same body) → 200 with a new"
        + " key, 401 for any wrong email or password, 429 after too many failures.\n"
        + "- `GET /account` → `{\"id\":\"…\",\"created_at\":\"…\",\"credits\":100,\"period\":"
        + "\"2026-12\",\"credits_granted_this_period\":100,\"runs_this_period\":0,"
        + "\"spend_this_period\":0}`\n"
        + "- `GET /account/keys` → `[{\"key_id\":\"…\",\"prefix\":\"fmugw_AbCdEf\",\"created_at\":"
        + "\"…\",\"last_used_at\":null,\"revoked_at\":null,\"active\":true}]`;"
        + " `POST /account/keys` → 201 with a new key; `DELETE /account/keys/{key_id}` revokes"
        + " one (204). At most 10 active keys (409 `\"limit\":\"active_api_keys\"`).\n\n";
  }

  private static String models() {
    return "## Models\n\n"
        + "- `GET /library?query=ball` → built-in models: `[{\"id\":\"lib:BouncingBall\","
        + "\"aliases\":[\"msl:BouncingBall\"],\"model_name\":\"BouncingBall\",\"fmi_version\":"
        + "\"2.0\",\"interfaces\":[\"cs\",\"me\"],\"default_experiment\":{…},…}]`\n"
        + "- `POST /fmus` (multipart field `file`, an FMI 2.0 FMU with binaries/linux64) → 201"
        + " `{\"id\":\"…\",\"sha256\":\"…\",\"model_name\":\"MyModel\",\"fmi_version\":\"2.0\",…}`;"
        + " the same bytes again → 200, the same record. A bad FMU is 422 naming `file`.\n"
        + "- `GET /fmus?page=1&size=20&library=true` → your uploads, newest first, then the"
        + " library: `{\"items\":[{\"id\":\"…\",\"model_name\":\"…\",\"built_in\":false,…}],"
        + "\"page\":1,\"size\":20,\"total\":7,\"has_more\":false}`\n"
        + "- `GET /fmus/{id}` → one model: id, sha256, model_name, fmi_version, guid,"
        + " number_of_variables, default_experiment, platforms, built_in.\n"
        + "- `GET /fmus/{id}/variables?offset=0&limit=1000` → `[{\"name\":\"h\",\"value_reference\""
        + ":0,\"type\":\"Real\",\"causality\":\"output\",\"variability\":\"continuous\",\"start\":"
        + "\"1\",\"unit\":\"m\",…}]` with `X-Total-Count` and `Link: <…>; rel=\"next\"`.\n\n";
  }

  private static String simulate() {
    return "## Simulate\n\n"
        + "`POST /simulate` `{\"fmu_id\":\"msl:BouncingBall\",\"stop_time\":3,\"step\":0.01,"
        + "\"kpis\":[\"h_max\"]}` → 200 `{\"run_id\":\"…\",\"fmu_id\":\"lib:BouncingBall\","
        + "\"status\":\"ok\",\"results\":{\"time\":[0.0,0.01,…],\"h\":[1.0,…],\"v\":[…]},"
        + "\"kpis\":{\"h_max\":1.0},\"cost\":{\"credits\":10,\"quoted_credits\":10,"
        + "\"paid_with\":\"credits\"},\"provenance\":{\"fmu_sha256\":\"…\",\"fmi_version\":"
        + "\"2.0\",\"fmu_interface\":\"cs\",…}}`. With `Accept: text/csv`: CSV, time first.\n\n"
        + "Fields: `fmu_id` (required), `start_time`, `stop_time`, `step`, `start_values`"
        + " (`{name: value}`), `input_signals` (`[{name, time[], values[], interpolation:"
        + " linear|hold}]`: one value per time, typed like a start value of the input, 64-bit"
        + " integers exact, an array of the input's size per time for an array input; linear"
        + " only for floats, every other type is held), `outputs` (default: all outputs), `kpis`"
        + " (`<variable>_<rms|mean|min|max|peak|final>`), `interface` (cs|me|se|auto), `solver`"
        + " (euler|rk4|dormand_prince|dormand_prince_853|rosenbrock|auto; rosenbrock for stiff"
        + " models, auto switches to it when dormand_prince's steps collapse), `rtol`, `atol`,"
        + " `payment_token`,"
        + " `payment_method` (card|crypto), `quote_only`, `success_url`, `cancel_url`. NaN and"
        + " ±Infinity are `null` in the arrays, spelt out in `non_finite`. An FMI 3.0 array"
        + " variable is one key with one row-major array per sample (`\"x\":[[1.0,0.0],…]`);"
        + " CSV flattens it to `x[1]`, `x[2]`, …; a KPI names an element: `x[2]_max`. A failed"
        + " run is 422 with `cause` and `fmu_log` and costs nothing. Results stream: samples"
        + " arrive while the run goes on, and `status`, `cost`, `kpis` and `provenance` come"
        + " after `results`. A run that fails after its first samples cuts the 200 off (the"
        + " JSON never closes) and costs nothing; `GET /runs/{id}` tells why.\n\n"
        + "Scheduled execution (FMI 3.0 `interface: \"se\"`, e.g. `lib:Clocks3`): periodic input"
        + " clocks tick at their interval, countdown clocks when the model schedules them, and"
        + " triggered input clocks at the times you list in `clock_ticks`"
        + " (`{\"trigger\":[0.3,1.0]}`: triggered input clocks only, times ascending within"
        + " start_time and stop_time; anything else is 400 naming `clock_ticks.<clock>`)."
        + " `results` has one row per activation time, outputs taken after every partition due"
        + " then has run; `clock_events` (`{\"outClock\":[0.5,1.5,…]}`) lists when each output"
        + " clock ticked (JSON only, not in CSV). The same `clock_ticks` go with `\"async\":true`"
        + " and with `POST /experiments` (every case fires them; a case's result at"
        + " `GET /experiments/{id}/cases/{index}` has its own `clock_events`), and with the MCP"
        + " tools `simulate` and `start_experiment`.\n\n"
        + "- `GET /runs?limit=50` → your runs: `[{\"id\":\"…\",\"fmu_id\":\"…\",\"model_name\":"
        + "\"BouncingBall\",\"status\":\"succeeded\",\"quoted_credits\":10,\"cost_credits\":10,"
        + "\"request\":{…the /simulate body…},…}]`; `GET /runs/{id}` → one. Results are not"
        + " kept: send `request` again to reproduce a run.\n\n";
  }

  private static String payments(Pricing prices) {
    return "## Paying\n\n"
        + "Credits pay first. When they are short, `POST /simulate` answers **402**"
        + " problem+json with a checkout opened for that very request: `{\"status\":402,"
        + "\"detail\":\"…\",\"quote_credits\":10,\"balance_credits\":0,\"session_id\":\"cs_…\","
        + "\"checkout_url\":\"https://…\",\"amount\":"
        + prices.runPrice().decimal()
        + ",\"amount_minor\":"
        + prices.runPrice().minorUnits()
        + ",\"currency\":\""
        + prices.runPrice().currency()
        + "\",\"methods\":[…],\"payment_method\":\"card\",\"next_step\":\"…\",\"quote\":{…}}`."
        + " Asking again while it is pending returns the same checkout.\n\n"
        + "1. Price only: `POST /simulate?quote_only=true` (or `\"quote_only\":true`) → 402 with"
        + " the quote; nothing runs, no checkout opens.\n"
        + "2. Pay for one run: open `checkout_url` in a browser (card via Stripe, crypto via"
        + " Coinbase Commerce, or the offline sandbox's Pay button).\n"
        + "3. Poll `GET /payments/checkout/{session_id}`: 202 `{\"status\":\"pending\",…}` until"
        + " 200 `{\"status\":\"paid\",\"payment_token\":\"pt_…\",…}`; 410 once expired or used.\n"
        + "4. Send the same `POST /simulate` with `\"payment_token\"` added: it pays for that one"
        + " run (valid 30 minutes, this account only; a failed run gives it back).\n\n"
        + "Paying ahead: `POST /pay` `{\"fmu_id\":\"msl:BouncingBall\",\"payment_method\":"
        + "\"crypto\"}` → 201 a checkout for one run (same fields as above). Credit packs:"
        + " `GET /credits/packs` → `[{\"pack\":\"10\",\"runs\":10,\"credits\":100,\"amount\":8.00,"
        + "\"amount_minor\":800,\"currency\":\"usd\"}]`; `POST /credits/checkout`"
        + " `{\"pack\":\"10\",\"payment_method\":\"card\"}` → 201 a checkout; once paid the"
        + " credits are on `GET /account`. Providers confirm payments with `POST"
        + " /webhooks/{provider}` (signed, no key; not for clients).\n\n";
  }

  private static String operations() {
    return "## Health, docs and operators\n\n"
        + "- `GET /health` (no auth) → `{\"status\":\"UP\",\"database\":{…},\"workers\":{…}}`;"
        + " `DEGRADED` while runs queue, 503 `DOWN`. `GET /health/ready` → 200 only when UP.\n"
        + "- `GET /v3/api-docs` → the OpenAPI 3.1 document; `GET /docs` → interactive docs.\n"
        + "- Operators only (403 otherwise): `GET /admin/audit`, and over `?from=&to=` (UTC days)"
        + " `GET /analytics`, `GET /analytics/revenue`, `GET /analytics/simulations`,"
        + " `GET /analytics/accounts`, `GET /analytics/funnel`, `GET /analytics/failures`,"
        + " `GET /analytics/models`; now: `GET /analytics/experiments` (case queue depth, cases"
        + " running, per node its running cases and last hour's throughput).\n"
        + "- `GET /metrics` → Prometheus text (queue depth, this node's cases and FMU workers);"
        + " an operator's key or the `FMUGW_METRICS_TOKEN` bearer token; served on worker nodes"
        + " too.\n\n";
  }

  private static String mcp(String base, Pricing prices) {
    return "## MCP (Model Context Protocol)\n\n"
        + "The MCP server is at `"
        + base
        + "/mcp` (Streamable HTTP, stateless: plain JSON answers, no session to keep). It takes"
        + " the same API key: `Authorization: Bearer <key>`; without a valid one it answers 401."
        + " Runs through MCP are runs: the same credits, limits and payments. Client config:\n\n"
        + "```json\n"
        + "{\"mcpServers\":{\"fmu-gateway\":{\"type\":\"http\",\"url\":\""
        + base
        + "/mcp\",\"headers\":{\"Authorization\":\"Bearer fmugw_…\"}}}}\n"
        + "```\n\n"
        + "Tools (each answers one JSON text; an error has `isError: true` and names the"
        + " offending `argument`):\n\n"
        + "- `search_models` `{query?, include_library?, include_uploads?}`: library models and"
        + " your uploads with fmu_id, name, FMI version, interfaces. Free.\n"
        + "- `describe_model` `{fmu_id, variables_offset?, variables_limit?}`: FMI version,"
        + " interfaces, default experiment, variables with type, causality, start value, unit,"
        + " and whether you may set them. Free.\n"
        + "- `quote_simulation` (the arguments of simulate): quote_credits, balance_credits,"
        + " covered_by_credits and the price in money. Nothing runs.\n"
        + "- `simulate` `{fmu_id, stop_time?, step?, start_values?, kpis?, outputs?, …,"
        + " clock_ticks?, payment_token?, payment_method?, max_rows?}`: runs it; KPIs, final"
        + " values, at most 200 evenly spread rows, `clock_events` for a scheduled execution run"
        + " and `full_csv` (the curl command for the whole result). When"
        + " credits are short: `error: payment_required` with `checkout_url`, `session_id` and"
        + " `next_step`; pay, poll `GET /payments/checkout/{session_id}` for the `payment_token`"
        + " and call simulate again with it"
        + (prices.x402().isPresent()
            ? "; `x402` holds what `PAYMENT-REQUIRED` carries, to pay that run through"
                + " `POST /simulate` with `PAYMENT-SIGNATURE` instead"
            : "")
        + ".\n"
        + "- `start_experiment` (the arguments of simulate, plus `sweep` {method: full_factorial"
        + " | latin_hypercube | sobol | cases, parameters, samples, seed, cases}, `quote_only?`,"
        + " `payment_method?`, `callback_url?`): `POST /experiments` as a tool. Answers"
        + " `experiment_id`, `status`, case counts, `quote` and absolute `links`; with"
        + " `quote_only` only the price. Credits short: `error: payment_required` with a"
        + " credit-pack `checkout_url` and `next_step` (pay, poll, call again).\n"
        + "- `get_experiment` `{experiment_id, max_cases?, cases_offset?}`: status, `finished`,"
        + " case counts, `cost` (held, charged) and the first cases (default 20, at most 200)"
        + " with their parameters and KPIs; `links.cases_csv` (and a curl command) gives the"
        + " whole table as CSV. Another account's experiment is `not_found`, like an unknown"
        + " id. Free.\n";
  }

  private static String display(CreditPack pack) {
    return pack.price().display();
  }
}
