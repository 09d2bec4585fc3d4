package com.fmugateway.adapter.in.portal.experiment;

import com.fmugateway.domain.experiment.model.CaseSlice;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment's cases for the page's table and plot: the parameter and KPI names (first-seen
 * order), a row per case, and how many cases there are in all ({@code rows} may stop short).
 * Non-finite KPIs are null, which JSON can carry.
 */
public record CaseTableView(
    List<String> parameters, List<String> kpis, List<Row> rows, long total) {

  /** One case: its values by parameter or KPI name. */
  public record Row(
      int index,
      String status,
      String node,
      String failure,
      long cost,
      Map<String, Object> values) {}

  static CaseTableView of(CaseSlice slice) {
    Set<String> parameters = new LinkedHashSet<>();
    Set<String> kpis = new LinkedHashSet<>();
    for (ExperimentCase c : slice.items()) {
      parameters.addAll(c.parameters().keySet());
      kpis.addAll(c.kpis().keySet());
    }
    List<Row> rows = new ArrayList<>(slice.items().size());
    for (ExperimentCase c : slice.items()) {
      Map<String, Object> values = new LinkedHashMap<>(c.parameters());
      c.kpis().forEach((k, v) -> values.put(k, v == null || !Double.isFinite(v) ? null : v));
      rows.add(
          new Row(
              c.index(),
              c.status().code(),
              c.node().orElse(""),
              c.failure().orElse(""),
              c.cost(),
              values));
    }
    return new CaseTableView(List.copyOf(parameters), List.copyOf(kpis), rows, slice.total());
  }
}
