package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.experiment.model.CaseCounts;
import com.fmugateway.domain.experiment.model.CaseSlice;
import com.fmugateway.domain.experiment.model.Experiment;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import com.fmugateway.domain.experiment.model.ExperimentView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An experiment as the experiment tools answer it: the fields of {@code GET /experiments/{id}},
 * spelt the same, with absolute links (and a curl command) for the full case table as CSV.
 */
final class ExperimentSummary {

  private ExperimentSummary() {}

  static Map<String, Object> of(ExperimentView view, Caller caller) {
    Experiment e = view.experiment();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("experiment_id", e.id().toString());
    body.put("status", e.status().code());
    body.put("finished", e.status().finished());
    body.put("fmu_id", e.fmuId());
    body.put("method", e.method().code());
    body.put("cases", counts(view.cases()));
    Map<String, Object> quote = new LinkedHashMap<>();
    quote.put("credits", (long) e.total() * e.quotePerCase());
    quote.put("per_case", e.quotePerCase());
    body.put("quote", quote);
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("held", view.held());
    cost.put("charged", view.charged());
    body.put("cost", cost);
    body.put("created_at", e.createdAt().toString());
    e.startedAt().ifPresent(t -> body.put("started_at", t.toString()));
    e.finishedAt().ifPresent(t -> body.put("finished_at", t.toString()));
    body.put("links", links(e, caller));
    return body;
  }

  /** {@code rows} of the cases in {@code slice}: index, status, parameters, KPIs, cost. */
  static Map<String, Object> cases(CaseSlice slice) {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("offset", slice.offset());
    table.put("returned", slice.items().size());
    table.put("total", slice.total());
    table.put("rows", slice.items().stream().map(ExperimentSummary::row).toList());
    return table;
  }

  private static Map<String, Object> row(ExperimentCase c) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("index", c.index());
    row.put("status", c.status().code());
    row.put("parameters", c.parameters());
    Map<String, Object> kpis = new LinkedHashMap<>();
    // JSON has no number for NaN or ±Infinity: such a KPI is spelt out, as the REST API does.
    c.kpis().forEach((k, v) -> kpis.put(k, v == null || Double.isFinite(v) ? v : v.toString()));
    row.put("kpis", kpis);
    row.put("cost", c.cost());
    c.failure().ifPresent(f -> row.put("failure", f));
    return row;
  }

  private static Map<String, Object> counts(CaseCounts c) {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("total", c.total());
    counts.put("queued", c.queued());
    counts.put("running", c.running());
    counts.put("succeeded", c.succeeded());
    counts.put("failed", c.failed());
    counts.put("cancelled", c.cancelled());
    return counts;
  }

  private static Map<String, Object> links(Experiment e, Caller caller) {
    String self = caller.baseUrl() + "/experiments/" + e.id();
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("self", self);
    links.put("cases", self + "/cases");
    links.put("cases_csv", self + "/cases");
    links.put(
        "cases_csv_curl",
        "curl -s "
            + self
            + "/cases -H \"Authorization: Bearer $FMUGW_API_KEY\" -H 'Accept: text/csv'"
            + " -o experiment.csv");
    links.put("case_result", self + "/cases/{index}");
    links.put("cancel", "DELETE " + self);
    return links;
  }

  /** What to do next with an experiment in this state. */
  static String nextStep(ExperimentView view) {
    Experiment e = view.experiment();
    if (!e.status().finished()) {
      return "The cases run in the background: call get_experiment with experiment_id "
          + e.id()
          + " every few seconds until finished is true.";
    }
    return "Finished ("
        + e.status().code()
        + "). The full table, one row per case with its parameters and KPIs, is links.cases_csv"
        + " (GET with Accept: text/csv and your API key); one case's full result is"
        + " links.case_result. Not charged again.";
  }
}
