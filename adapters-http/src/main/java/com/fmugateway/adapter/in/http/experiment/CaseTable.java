package com.fmugateway.adapter.in.http.experiment;

import com.fmugateway.adapter.in.http.experiment.parquet.ParquetColumn;
import com.fmugateway.adapter.in.http.experiment.parquet.ParquetColumn.Type;
import com.fmugateway.domain.experiment.model.CaseSlice;
import com.fmugateway.domain.experiment.model.ExperimentCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Parquet columns of an experiment's cases, learnt by seeing every case: index (INT32), status,
 * one per parameter, one per KPI (in first-seen order), node, failure (optional strings) and cost
 * (INT64). A parameter is DOUBLE when every value is a number, else a string; it is optional when
 * some case lacks it. A KPI is an optional DOUBLE: null while a case has none (queued, running,
 * failed, cancelled); NaN and infinities are kept as the run gave them, as the CSV spells them. A
 * name met twice gets a {@code _2}, {@code _3} … suffix.
 */
final class CaseTable {

  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final Set<String> kpis = new LinkedHashSet<>();
  private long cases;
  private List<ParquetColumn> columns;

  private static final class Parameter {
    long seen;
    boolean numeric = true;
  }

  /** Takes in a page of cases; the table must not have given its columns yet. */
  CaseTable see(CaseSlice slice) {
    if (columns != null) {
      throw new IllegalStateException("columns already given");
    }
    for (ExperimentCase c : slice.items()) {
      cases++;
      c.parameters()
          .forEach(
              (name, value) -> {
                Parameter parameter = parameters.computeIfAbsent(name, n -> new Parameter());
                parameter.seen++;
                parameter.numeric &= value instanceof Number;
              });
      kpis.addAll(c.kpis().keySet());
    }
    return this;
  }

  List<ParquetColumn> columns() {
    if (columns == null) {
      Set<String> names = new HashSet<>();
      List<ParquetColumn> all = new ArrayList<>();
      all.add(ParquetColumn.required(unique(names, "index"), Type.INT32));
      all.add(ParquetColumn.required(unique(names, "status"), Type.STRING));
      parameters.forEach(
          (name, p) ->
              all.add(
                  new ParquetColumn(
                      unique(names, name), p.numeric ? Type.DOUBLE : Type.STRING, p.seen < cases)));
      kpis.forEach(kpi -> all.add(ParquetColumn.optional(unique(names, kpi), Type.DOUBLE)));
      all.add(ParquetColumn.optional(unique(names, "node"), Type.STRING));
      all.add(ParquetColumn.optional(unique(names, "failure"), Type.STRING));
      all.add(ParquetColumn.required(unique(names, "cost"), Type.INT64));
      columns = List.copyOf(all);
    }
    return columns;
  }

  /**
   * A case's values in column order. A KPI the first pass did not see (a case finishing between the
   * passes) has no column and is left out.
   */
  Object[] row(ExperimentCase c) {
    Object[] row = new Object[columns().size()];
    int i = 0;
    row[i++] = c.index();
    row[i++] = c.status().code();
    for (Map.Entry<String, Parameter> parameter : parameters.entrySet()) {
      Object value = c.parameters().get(parameter.getKey());
      row[i++] =
          value == null
              ? null
              : parameter.getValue().numeric
                  ? (Object) ((Number) value).doubleValue()
                  : String.valueOf(value);
    }
    for (String kpi : kpis) {
      row[i++] = c.kpis().get(kpi);
    }
    row[i++] = c.node().orElse(null);
    row[i++] = c.failure().orElse(null);
    row[i] = c.cost();
    return row;
  }

  private static String unique(Set<String> names, String name) {
    String candidate = name;
    for (int n = 2; !names.add(candidate); n++) {
      candidate = name + "_" + n;
    }
    return candidate;
  }
}
